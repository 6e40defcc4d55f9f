package org.vetted.distribution;

import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vetted.contract.Topics;
import org.vetted.support.projection.SharedProjection;
import org.vetted.support.projection.TestDatabase;
import org.vetted.support.projection.TestProjections;

/** The pages' projection in tests, where no Kafka consumer tells it where article.published ends. */
public final class Replay {
    /** Partitions of article.published in these tests, as created with the default KAFKA_PARTITIONS. */
    public static final int PARTITIONS = 3;

    /**
     * The pages' projection as a new instance sees it when the topic is empty: joined the group, nothing to catch up
     * with. (The test binder has no Kafka consumer to tell it.)
     */
    public static void markCaughtUp(SharedProjection projection) {
        TestProjections.markCaughtUp(projection, "servePublished-in-0", List.of(Topics.PUBLISHED), PARTITIONS);
    }

    /**
     * The pages' projection over a fresh database of its own, not caught up yet: for web-layer tests, which have no
     * data source of the application's.
     */
    public static SharedProjection projectionOnItsOwnDatabase() {
        DataSource database = TestDatabase.migrated("classpath:db/projection-support");
        return new SharedProjection(
                "pages",
                List.of(Topics.PUBLISHED),
                new JdbcTemplate(database),
                new TransactionTemplate(new DataSourceTransactionManager(database)),
                ObservationRegistry.NOOP);
    }

    private Replay() {}
}
