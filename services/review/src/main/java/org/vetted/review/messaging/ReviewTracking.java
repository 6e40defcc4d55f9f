package org.vetted.review.messaging;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.vetted.contract.PoisonEventException;
import org.vetted.review.domain.ReviewBoard;
import org.vetted.review.domain.ReviewEvent;

/** The consumer that builds the review board from drafts and from this service's own decisions. */
@Configuration(proxyBeanMethods = false)
public class ReviewTracking {
    private static final Logger log = LoggerFactory.getLogger(ReviewTracking.class);

    /**
     * Bound to article.draft-submitted, article.claim-reviewed, article.approved and article.review-returned.
     * A draft that contradicts the known revision (same number, other text) is dead-lettered: intake numbers
     * revisions, so two texts under one number mean a broken or forged writer, and neither may be approved.
     */
    @Bean
    public Consumer<Message<Object>> trackReview(ReviewWorkflow workflow, EventMapper mapper) {
        return message -> {
            ReviewEvent event = mapper.toDomain(message.getPayload());
            ReviewBoard.Applied applied = workflow.record(event);
            if (applied == ReviewBoard.Applied.CONFLICTING) {
                throw new PoisonEventException("draft " + event.articleId() + " revision " + event.revision()
                        + " (event " + event.eventId() + ") has other text than the revision " + event.revision()
                        + " already under review; a revision number names exactly one text");
            }
            log.debug("{} {} for article {} revision {}: {}", event.getClass().getSimpleName(), event.eventId(),
                    event.articleId(), event.revision(), applied);
        };
    }
}
