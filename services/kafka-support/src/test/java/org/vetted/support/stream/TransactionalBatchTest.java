package org.vetted.support.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.vetted.support.observability.TestTracing;
import org.vetted.support.projection.StoreUnavailableException;

/** One poll without a broker (TransactionalBatchIT has one): each record's steps in its own trace, failures apart. */
class TransactionalBatchTest {
    private static final String FIRST = "0af7651916cd43dd8448eb211c80319c";
    private static final String THIRD = "4bf92f3577b34da6a3ce929d0e0e4736";

    private final TestTracing tracing = new TestTracing();

    /** A poll as the batch-mode binder hands it: the values as a list, each record's headers in a list too. */
    private static Message<List<String>> poll(List<String> values, List<String> traces) {
        List<Map<String, Object>> headers = new ArrayList<>();
        for (String trace : traces) {
            headers.add(
                    trace == null
                            ? Map.of()
                            : Map.of(
                                    "traceparent",
                                    TestTracing.traceparent(trace).getBytes(StandardCharsets.UTF_8)));
        }
        return MessageBuilder.withPayload(values)
                .setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, headers)
                .setHeader(
                        KafkaHeaders.RECEIVED_TOPIC,
                        values.stream().map(v -> "article.approved").toList())
                .build();
    }

    @Test
    void eachRecordIsPreparedWorkedOnAndDeadLetteredInItsOwnTraceAndNoTraceLeaksToTheNext() {
        Map<String, String> prepared = new ConcurrentHashMap<>();
        List<String> worked = new ArrayList<>();
        List<String> deadLettered = new ArrayList<>();
        TransactionalBatch<String, String> batch = new TransactionalBatch<>(
                record -> {
                    prepared.put(record.getPayload(), tracing.currentTraceId());
                    if (record.getPayload().equals("poison")) {
                        throw new IllegalArgumentException("does not verify");
                    }
                    return record.getPayload();
                },
                (record, value) -> worked.add(value + " " + tracing.currentTraceId()),
                (record, cause) -> deadLettered.add(record.getPayload() + " " + tracing.currentTraceId()),
                tracing.registry());

        // The second record carries no trace: it gets one of its own, not its neighbour's.
        batch.accept(poll(List.of("a", "b", "poison"), java.util.Arrays.asList(FIRST, null, THIRD)));

        assertThat(prepared).containsEntry("a", FIRST).containsEntry("poison", THIRD);
        assertThat(prepared.get("b")).isNotNull().isNotIn(FIRST, THIRD);
        assertThat(worked).containsExactly("a " + FIRST, "b " + prepared.get("b"));
        assertThat(deadLettered).containsExactly("poison " + THIRD);
        assertThat(tracing.currentTraceId()).as("nothing left current").isNull();
    }

    @Test
    void aStoreFailureFailsThePollNamingItsFirstRecordAndLeavesNoTraceCurrent() {
        TransactionalBatch<String, String> batch = new TransactionalBatch<>(
                Message::getPayload,
                (record, value) -> {
                    if (value.equals("b")) {
                        throw new DataAccessResourceFailureException("connection lost");
                    }
                },
                (record, cause) -> {
                    throw new AssertionError("nothing is dead-lettered for the store's failure");
                },
                tracing.registry());

        assertThatThrownBy(
                        () -> batch.accept(poll(List.of("a", "b", "c"), java.util.Arrays.asList(FIRST, THIRD, null))))
                .isInstanceOfSatisfying(
                        BatchListenerFailedException.class,
                        failed -> assertThat(failed.getIndex()).isZero())
                .hasCauseInstanceOf(StoreUnavailableException.class);
        assertThat(tracing.currentTraceId()).isNull();
    }
}
