package org.vetted.review.config;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.binder.Binder;
import org.springframework.cloud.stream.binder.BinderFactory;
import org.springframework.cloud.stream.binder.kafka.KafkaMessageChannelBinder;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.transaction.KafkaTransactionManager;
import org.springframework.messaging.MessageChannel;
import org.springframework.transaction.support.TransactionTemplate;
import org.vetted.support.kafka.ReplayReadiness;
import org.vetted.contract.signing.Signatures;
import org.vetted.review.domain.ClaimLibrary;
import org.vetted.review.domain.FourEyesRule;
import org.vetted.review.domain.ReviewBoard;
import org.vetted.review.domain.ReviewDesk;
import org.vetted.review.messaging.DecisionPublisher;
import org.vetted.review.messaging.EventMapper;
import org.vetted.review.messaging.ReviewWorkflow;

/** Builds the review domain with its default rules and the configured four-eyes classes, and the edges around it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FourEyesProperties.class)
public class ReviewConfiguration {
    private static final Logger log = LoggerFactory.getLogger(ReviewConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Which claims need two reviewers ({@code vetted.review.four-eyes}); a class without triggers or a trigger that is
     * not a word stops the start with the reason.
     */
    @Bean
    FourEyesRule fourEyesRule(FourEyesProperties properties) {
        FourEyesRule rule = properties.rule();
        log.info("claims of {} need approval by two medical reviewers", rule.classes().isEmpty() ? "no class"
                : rule.classes());
        return rule;
    }

    /** At most {@link ReviewBoard#DEFAULT_MAX_WAITING} events wait for their draft; the oldest is dropped first. */
    @Bean
    ReviewBoard reviewBoard(FourEyesRule fourEyes) {
        return new ReviewBoard(ReviewBoard.DEFAULT_MAX_WAITING, dropped -> log.warn(
                "{} events already wait for their drafts: dropped the oldest, {} {} for article {} revision {}",
                ReviewBoard.DEFAULT_MAX_WAITING, dropped.getClass().getSimpleName(), dropped.eventId(),
                dropped.articleId(), dropped.revision()), fourEyes);
    }

    /**
     * OUT_OF_SERVICE, and /api/** answers 503, until trackReview has replayed every partition of its topics (the
     * binding's destinations, so the two cannot drift apart).
     */
    @Bean
    ReplayReadiness replayReadiness(
            @Value("${spring.cloud.stream.bindings.trackReview-in-0.destination}") String destinations) {
        return new ReplayReadiness(Arrays.stream(destinations.split(",")).map(String::strip)
                .filter(topic -> !topic.isEmpty()).toList());
    }

    @Bean
    ReviewDesk reviewDesk() {
        return ReviewDesk.withDefaultRules();
    }

    @Bean
    EventMapper eventMapper(Signatures signatures) {
        return new EventMapper(signatures);
    }

    /**
     * Several events in one Kafka transaction (an approval and its library entries) need a transaction over the
     * producer factory every output binding sends with: the binder's transactional one (with the binder's
     * transaction-id-prefix set, no binding has its own). Looked up at first use, when the binder exists; none on
     * the test binder.
     */
    @Bean
    DecisionPublisher decisionPublisher(StreamBridge streamBridge, BinderFactory binders) {
        return new DecisionPublisher(streamBridge, new java.util.function.Supplier<>() {
            private volatile TransactionTemplate template;
            private volatile boolean looked;

            @Override
            public TransactionTemplate get() {
                if (!looked) {
                    Binder<MessageChannel, ?, ?> binder = binders.getBinder(null, MessageChannel.class);
                    if (binder instanceof KafkaMessageChannelBinder kafka
                            && kafka.getTransactionalProducerFactory() != null) {
                        template = new TransactionTemplate(
                                new KafkaTransactionManager<>(kafka.getTransactionalProducerFactory()));
                    }
                    looked = true;
                }
                return template;
            }
        });
    }

    @Bean
    ClaimLibrary claimLibrary() {
        return new ClaimLibrary();
    }

    /** {@code vetted.review.library.validity}: how long a library entry is offered after its approval. */
    @Bean
    ReviewWorkflow reviewWorkflow(ReviewBoard board, ReviewDesk desk, DecisionPublisher publisher, EventMapper mapper,
            Clock clock, ClaimLibrary library,
            @Value("${vetted.review.library.validity:P365D}") Duration validity) {
        return new ReviewWorkflow(board, desk, publisher, mapper, clock, () -> UUID.randomUUID().toString(), library,
                validity);
    }
}
