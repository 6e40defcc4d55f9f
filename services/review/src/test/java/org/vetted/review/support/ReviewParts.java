package org.vetted.review.support;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.avro.specific.SpecificRecordBase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.risk.FourEyesRule;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.review.app.DecisionPublisher;
import org.vetted.review.app.ReviewStore;
import org.vetted.review.app.ReviewWorkflow;
import org.vetted.review.domain.gate.ReviewDesk;
import org.vetted.review.messaging.EventMapper;
import org.vetted.review.messaging.SignedEventRecords;
import org.vetted.review.store.JdbcReviewStore;

/**
 * Review's store and workflow wired as the service wires them, for tests on PostgreSQL: each store is an instance
 * of review of its own, so two on one database are two instances sharing it.
 */
public final class ReviewParts {
    public static final EventMapper MAPPER = new EventMapper(DemoKeys.signaturesOf(Issuer.REVIEW));
    public static final SignedEventRecords RECORDS = new SignedEventRecords(MAPPER);
    /** One rule for all: reviews compare equal only under the same rule instance. */
    public static final FourEyesRule FOUR_EYES = FourEyesRule.defaults();

    private static final EventCatalog CATALOG = EventCatalog.standard();

    private ReviewParts() {}

    /** A store on {@code database} with review's signing keys and three advisory lock holders. */
    public static JdbcReviewStore store(DataSource database) {
        return new JdbcReviewStore(
                database,
                new JdbcTemplate(database),
                new TransactionTemplate(new DataSourceTransactionManager(database)),
                FOUR_EYES,
                RECORDS,
                3);
    }

    /** The workflow over {@code store} with the default rules, a year's approval and random event ids. */
    public static ReviewWorkflow workflow(ReviewStore store, DecisionPublisher publisher, Clock clock) {
        return new ReviewWorkflow(
                store,
                ReviewDesk.withDefaultRules(),
                publisher,
                RECORDS,
                clock,
                () -> UUID.randomUUID().toString(),
                Duration.ofDays(365));
    }

    /** A publisher that adds what it is given to {@code sent}, as the records read back from the topics. */
    public static DecisionPublisher capturingInto(List<SpecificRecordBase> sent) {
        return new DecisionPublisher() {
            @Override
            public void publish(Outgoing event) {
                sent.add(CATALOG.decode(event.record()));
            }

            @Override
            public void publishTogether(List<Outgoing> events) {
                events.forEach(this::publish);
            }
        };
    }
}
