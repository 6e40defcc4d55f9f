package org.vetted.review.config;

import java.time.Clock;
import java.util.UUID;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vetted.review.domain.ReviewBoard;
import org.vetted.review.domain.ReviewDesk;
import org.vetted.review.messaging.DecisionPublisher;
import org.vetted.review.messaging.EventMapper;
import org.vetted.review.messaging.ReviewWorkflow;

/** Builds the review domain with its default rules, and the edges around it. */
@Configuration(proxyBeanMethods = false)
public class ReviewConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ReviewBoard reviewBoard() {
        return new ReviewBoard();
    }

    @Bean
    ReviewDesk reviewDesk() {
        return ReviewDesk.withDefaultRules();
    }

    @Bean
    EventMapper eventMapper() {
        return new EventMapper();
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
