package org.vetted.review.config;

import java.time.Clock;
import java.util.Arrays;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vetted.contract.kafka.ReplayReadiness;
import org.vetted.contract.signing.Signatures;
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

    @Bean
    DecisionPublisher decisionPublisher(StreamBridge streamBridge) {
        return new DecisionPublisher(streamBridge);
    }

    @Bean
    ReviewWorkflow reviewWorkflow(ReviewBoard board, ReviewDesk desk, DecisionPublisher publisher, EventMapper mapper,
            Clock clock) {
        return new ReviewWorkflow(board, desk, publisher, mapper, clock, () -> UUID.randomUUID().toString());
    }
}
