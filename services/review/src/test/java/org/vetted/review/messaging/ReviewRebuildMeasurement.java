package org.vetted.review.messaging;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.observation.ObservationRegistry;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.Topics;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.events.DraftSubmitted;
import org.vetted.review.app.Incoming;
import org.vetted.review.app.ReviewWorkflow;
import org.vetted.review.domain.Actors;
import org.vetted.review.domain.board.ClaimVerdict;
import org.vetted.review.domain.gate.ClaimDecisionRequest;
import org.vetted.review.store.JdbcReviewStore;
import org.vetted.review.support.DraftEvents;
import org.vetted.review.support.ReviewParts;
import org.vetted.support.projection.SharedProjection;
import org.vetted.support.projection.TestDatabase;

/**
 * Not a test: a measurement of review's board rebuilt from a history (drafts, and decisions on some), by the
 * consumer's own code on an embedded PostgreSQL, with polls of one record (one transaction per record, as before the
 * board was batched) and of 500 (Kafka's max.poll.records). No broker: the figure is the board's side of a rebuild.
 * Run: {@code ./mvnw -B -o -pl services/review -am test -Dtest=ReviewRebuildMeasurement
 * -Dsurefire.failIfNoSpecifiedTests=false -Dvetted.measure.review-rebuild=3000}.
 */
@EnabledIfSystemProperty(named = "vetted.measure.review-rebuild", matches = "\\d+")
class ReviewRebuildMeasurement {
    private static final EventMapper MAPPER = new EventMapper(DemoKeys.signaturesOf(Issuer.REVIEW));
    private static final SignedEventRecords RECORDS = new SignedEventRecords(MAPPER);
    private static final EventCatalog CATALOG = EventCatalog.standard();

    private record At(String topic, long offset, Object payload) {}

    @Test
    void measure() {
        int drafts = Integer.parseInt(System.getProperty("vetted.measure.review-rebuild"));
        List<At> history = history(drafts);
        for (int pollSize : List.of(1, 500, 1, 500)) {
            rebuild(history, pollSize);
        }
    }

    /** Drafts of {@code drafts} articles, and a decision on every third, as read back from the topics. */
    private static List<At> history(int drafts) {
        HikariDataSource database = pooled();
        JdbcReviewStore source = ReviewParts.store(database);
        List<SpecificRecordBase> sent = new ArrayList<>();
        ReviewWorkflow atSource = ReviewParts.workflow(source, ReviewParts.capturingInto(sent), Clock.systemUTC());
        List<At> history = new ArrayList<>();
        long draftOffset = 0;
        for (int i = 0; i < drafts; i++) {
            String articleId = "art-" + UUID.randomUUID();
            DraftSubmitted draft = DraftEvents.draft(articleId, 1, false);
            history.add(new At(Topics.DRAFT_SUBMITTED, draftOffset++, draft));
            if (i % 3 == 0) {
                source.apply(((Incoming.Fact) MAPPER.toDomain(draft)).event(), CATALOG.encode(draft));
                atSource.decideClaim(
                        articleId,
                        new ClaimDecisionRequest(
                                Actors.RITA, "c-pain", ClaimVerdict.APPROVED, null, "doi:10.1000/x", 1));
            }
        }
        long decisionOffset = 0;
        for (SpecificRecordBase decision : sent) {
            history.add(new At(Topics.CLAIM_REVIEWED, decisionOffset++, decision));
        }
        database.close();
        return history;
    }

    private static void rebuild(List<At> history, int pollSize) {
        HikariDataSource database = pooled();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        JdbcReviewStore store = ReviewParts.store(database);
        SharedProjection projection = new SharedProjection(
                "review",
                List.of(Topics.DRAFT_SUBMITTED, Topics.CLAIM_REVIEWED),
                jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(database)),
                ObservationRegistry.NOOP);
        ReviewWorkflow workflow = ReviewParts.workflow(store, null, Clock.systemUTC());
        Consumer<Message<Object>> track = ReviewTracking.tracking(workflow, MAPPER, projection);
        String settings = jdbc.queryForObject(
                "select current_setting('fsync') || '/' || current_setting('synchronous_commit')", String.class);
        var cpu = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<Integer> backends =
                jdbc.queryForList("select pid from pg_stat_activity where datname = current_database()", Integer.class);
        long pgStart = ticks(backends);
        long cpuStart = cpu.getProcessCpuTime();
        long start = System.nanoTime();
        for (int from = 0; from < history.size(); from += pollSize) {
            track.accept(poll(history.subList(from, Math.min(history.size(), from + pollSize))));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuMs = (cpu.getProcessCpuTime() - cpuStart) / 1e6;
        // The pool's backends (opened before the start; Linux's clock ticks of 10 ms).
        double pgMs = (ticks(backends) - pgStart) * 10.0;
        System.out.printf(
                "review board rebuilt from %d records, polls of %d: %.1f s, %.0f records/s, CPU a record: JVM %.2f ms,"
                        + " PostgreSQL %.2f ms (fsync/synchronous_commit %s)%n",
                history.size(),
                pollSize,
                seconds,
                history.size() / seconds,
                cpuMs / history.size(),
                pgMs / history.size(),
                settings);
        database.close();
    }

    /** User and system CPU ticks of the processes, from /proc (0 where it cannot be read). */
    private static long ticks(List<Integer> pids) {
        long total = 0;
        for (int pid : pids) {
            try {
                String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                total += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (java.io.IOException | RuntimeException e) {
                // gone, or not Linux
            }
        }
        return total;
    }

    private static Message<Object> poll(List<At> records) {
        if (records.size() == 1) {
            // As a record-at-a-time binding hands it over.
            return MessageBuilder.withPayload(records.get(0).payload())
                    .setHeader(KafkaHeaders.RECEIVED_TOPIC, records.get(0).topic())
                    .setHeader(KafkaHeaders.RECEIVED_PARTITION, 0)
                    .setHeader(KafkaHeaders.OFFSET, records.get(0).offset())
                    .build();
        }
        List<Object> payloads = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        List<Integer> partitions = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        for (At record : records) {
            payloads.add(record.payload());
            topics.add(record.topic());
            partitions.add(0);
            offsets.add(record.offset());
        }
        return MessageBuilder.<Object>withPayload(payloads)
                .setHeader(KafkaHeaders.RECEIVED_TOPIC, topics)
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, partitions)
                .setHeader(KafkaHeaders.OFFSET, offsets)
                .build();
    }

    /** A fresh database behind a pool, as the service has; every commit waits for its WAL flush, as in production. */
    private static HikariDataSource pooled() {
        DataSource migrated = TestDatabase.migrated("classpath:db/migration", "classpath:db/projection-support");
        HikariConfig config = new HikariConfig();
        config.setDataSource(migrated);
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(8);
        config.setConnectionInitSql("set synchronous_commit = on");
        return new HikariDataSource(config);
    }
}
