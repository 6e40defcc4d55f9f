package org.vetted.review.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.binder.BinderFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.vetted.contract.risk.FourEyesRule;
import org.vetted.contract.risk.FourEyesSetting;
import org.vetted.contract.signing.Signatures;
import org.vetted.review.app.DecisionPublisher;
import org.vetted.review.app.ReReviews;
import org.vetted.review.app.ReviewStore;
import org.vetted.review.app.ReviewWorkflow;
import org.vetted.review.app.SignedRecords;
import org.vetted.review.domain.gate.ReviewDesk;
import org.vetted.review.domain.rereview.ReReviewSchedule;
import org.vetted.review.messaging.EventMapper;
import org.vetted.review.messaging.SignedEventRecords;
import org.vetted.review.messaging.StreamDecisionPublisher;
import org.vetted.review.store.JdbcReviewStore;
import org.vetted.review.store.JdbcReviewTimers;
import org.vetted.support.batch.BinderTransactions;
import org.vetted.support.schedule.PollingLoop;

/** Builds the review domain with its default rules and the configured four-eyes classes, and the edges around it. */
@Configuration(proxyBeanMethods = false)
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
    FourEyesRule fourEyesRule(Environment environment) {
        FourEyesRule rule = org.springframework.boot.context.properties.bind.Binder.get(environment)
                .bind(FourEyesSetting.PREFIX, FourEyesSetting.class)
                .orElseGet(() -> new FourEyesSetting(null, null))
                .rule();
        log.info(
                "claims of {} need approval by two medical reviewers",
                rule.classes().isEmpty() ? "no class" : rule.classes());
        return rule;
    }

    @Bean
    ReviewDesk reviewDesk() {
        return ReviewDesk.withDefaultRules();
    }

    @Bean
    EventMapper eventMapper(Signatures signatures) {
        return new EventMapper(signatures);
    }

    /** Review's events signed and encoded, as the use cases publish them and the store keeps them. */
    @Bean
    SignedRecords signedRecords(EventMapper mapper) {
        return new SignedEventRecords(mapper);
    }

    /**
     * Several events in one Kafka transaction (an approval and its library entries) need a transaction over the
     * producer factory every output binding sends with: the binder's transactional one (with the binder's
     * transaction-id-prefix set, no binding has its own). Looked up at first use, when the binder exists; none on
     * the test binder.
     */
    @Bean(destroyMethod = "close")
    StreamDecisionPublisher decisionPublisher(
            StreamBridge streamBridge,
            BinderFactory binders,
            MeterRegistry meters,
            @Value("${vetted.group-commit.enabled:true}") boolean groupCommit,
            @Value("${vetted.group-commit.max-batch-size:64}") int maxBatchSize) {
        StreamDecisionPublisher publisher =
                new StreamDecisionPublisher(streamBridge, meters, new BinderTransactions(binders));
        // Claim decisions made at once share one Kafka transaction, each answered once it committed.
        return groupCommit ? publisher.withGroupCommit(maxBatchSize) : publisher;
    }

    /**
     * The board and the claims library in PostgreSQL, shared by every instance. At most {@code vetted.review.lock-holders}
     * (8) steps hold an article lock at once: each uses up to three connections of the pool (lock, library entry's lock, work), which must keep
     * some for the consumer and for reads.
     */
    @Bean
    ReviewStore reviewStore(
            DataSource dataSource,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            FourEyesRule fourEyes,
            SignedRecords records,
            @Value("${vetted.review.lock-holders:8}") int lockHolders) {
        return new JdbcReviewStore(dataSource, jdbc, transactions, fourEyes, records, lockHolders);
    }

    /** {@code vetted.review.library.validity}: how long a library entry is offered after its approval. */
    @Bean
    ReviewWorkflow reviewWorkflow(
            ReviewStore store,
            ReviewDesk desk,
            DecisionPublisher publisher,
            SignedRecords records,
            Clock clock,
            @Value("${vetted.review.library.validity:P365D}") Duration validity,
            ReReviews reReviews) {
        return new ReviewWorkflow(
                        store,
                        desk,
                        publisher,
                        records,
                        clock,
                        () -> UUID.randomUUID().toString(),
                        validity)
                .withReReviews(reReviews);
    }

    /**
     * {@code vetted.review.re-review.*}: the default review-by interval after an approval, the notice period before
     * it, and the furthest review-by date a reviewer may give at sign-off.
     */
    @Bean
    ReReviewSchedule reReviewSchedule(
            @Value("${vetted.review.re-review.interval:P365D}") Duration interval,
            @Value("${vetted.review.re-review.notice:P30D}") Duration notice,
            @Value("${vetted.review.re-review.max-ahead:P1095D}") Duration maxAhead) {
        return new ReReviewSchedule(interval, notice, maxAhead);
    }

    @Bean
    ReReviews reReviews(
            ReviewStore store,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            DecisionPublisher publisher,
            SignedRecords records,
            ReReviewSchedule schedule,
            Clock clock) {
        return new ReReviews(store, new JdbcReviewTimers(jdbc, transactions), publisher, records, schedule, clock);
    }

    /**
     * Fires the re-review timers that are due every {@code vetted.review.re-review.poll}. Every instance polls; the
     * timers live in PostgreSQL and each is claimed by one instance ({@code JdbcReviewTimers}).
     */
    @Bean
    SmartLifecycle reReviewPoller(ReReviews reReviews, @Value("${vetted.review.re-review.poll:PT5S}") Duration poll) {
        return new PollingLoop("re-review-timers", poll, reReviews::fireDue);
    }
}
