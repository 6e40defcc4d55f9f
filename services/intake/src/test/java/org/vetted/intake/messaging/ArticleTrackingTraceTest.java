package org.vetted.intake.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.vetted.contract.Topics;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.events.DraftSubmitted;
import org.vetted.intake.app.InMemoryArticleRegistry;
import org.vetted.intake.app.InMemorySubmissionLedger;
import org.vetted.support.observability.TestTracing;
import org.vetted.support.projection.SharedProjection;
import org.vetted.support.projection.TestDatabase;

/**
 * The status view's log lines name the trace of the record they are about (its traceparent header), whether written
 * while the record is prepared (on whichever thread) or applied: one poll, on real tracing and a real PostgreSQL.
 */
class ArticleTrackingTraceTest {
    private static final String APPLIED = "0af7651916cd43dd8448eb211c80319c";
    private static final String FORGED = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String AGAIN = "5cf92f3577b34da6a3ce929d0e0e4737";

    private final TestTracing tracing = new TestTracing();
    private final Logger logger = (Logger) LoggerFactory.getLogger(ArticleTracking.class);
    private final Level level = logger.getLevel();

    @AfterEach
    void stopCapturing() {
        tracing.stopCapturing(ArticleTracking.class);
        logger.setLevel(level);
    }

    @Test
    void eachLogLineOfAPollCarriesItsOwnRecordsTrace() {
        DataSource database = TestDatabase.migrated("classpath:db/projection-support");
        SharedProjection projection = new SharedProjection(
                "articles",
                List.of(Topics.DRAFT_SUBMITTED),
                new JdbcTemplate(database),
                new TransactionTemplate(new DataSourceTransactionManager(database)),
                tracing.registry());
        Consumer<Message<Object>> track = new ArticleTracking()
                .trackArticle(
                        new InMemoryArticleRegistry(),
                        DemoKeys.signaturesOf(Issuer.INTAKE),
                        projection,
                        new InMemorySubmissionLedger(),
                        new SimpleMeterRegistry());
        DraftSubmitted signed = (DraftSubmitted) DemoKeys.signaturesOf(Issuer.INTAKE)
                .sign(ArticleTrackingTest.draft("t1", "traced-1", 1, Instant.EPOCH));
        DraftSubmitted unsigned = ArticleTrackingTest.draft("t2", "traced-2", 1, Instant.EPOCH);
        logger.setLevel(Level.DEBUG);
        List<TestTracing.Logged> lines = tracing.capture(ArticleTracking.class);

        // Skipped while prepared (the signature check), then applied once: the same draft again is a duplicate.
        track.accept(poll(List.of(signed, unsigned, signed), List.of(APPLIED, FORGED, AGAIN)));

        assertThat(lines)
                .filteredOn(line -> line.message().startsWith("skipped DraftSubmitted t2"))
                .extracting(TestTracing.Logged::traceId)
                .containsExactly(FORGED);
        assertThat(lines)
                .filteredOn(line -> line.message().startsWith("already applied: DraftSubmitted t1"))
                .extracting(TestTracing.Logged::traceId)
                .containsExactly(AGAIN);
    }

    /** One poll of the batch-mode binding: values and Kafka metadata as lists, each record's headers in a map. */
    private static Message<Object> poll(List<SpecificRecordBase> events, List<String> traces) {
        List<Map<String, Object>> headers = new ArrayList<>();
        for (String trace : traces) {
            headers.add(Map.of("traceparent", TestTracing.traceparent(trace).getBytes(StandardCharsets.UTF_8)));
        }
        int size = events.size();
        return MessageBuilder.<Object>withPayload(new ArrayList<Object>(events))
                .setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, headers)
                .setHeader(KafkaHeaders.RECEIVED_TOPIC, java.util.Collections.nCopies(size, Topics.DRAFT_SUBMITTED))
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, java.util.Collections.nCopies(size, 0))
                .setHeader(
                        KafkaHeaders.OFFSET,
                        java.util.stream.LongStream.range(0, size).boxed().toList())
                .build();
    }
}
