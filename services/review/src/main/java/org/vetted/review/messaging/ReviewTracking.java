package org.vetted.review.messaging;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.vetted.review.domain.ReviewBoard;
import org.vetted.review.domain.ReviewEvent;

/** The consumer that builds the review board from drafts and from this service's own decisions. */
@Configuration(proxyBeanMethods = false)
public class ReviewTracking {
    private static final Logger log = LoggerFactory.getLogger(ReviewTracking.class);

    /** Bound to article.draft-submitted, article.claim-reviewed, article.approved and article.review-returned. */
    @Bean
    public Consumer<Message<Object>> trackReview(ReviewWorkflow workflow, EventMapper mapper) {
        return message -> {
            ReviewEvent event = mapper.toDomain(message.getPayload());
            ReviewBoard.Applied applied = workflow.record(event);
            log.debug("{} {} for article {} revision {}: {}", event.getClass().getSimpleName(), event.eventId(),
                    event.articleId(), event.revision(), applied);
        };
    }
}
