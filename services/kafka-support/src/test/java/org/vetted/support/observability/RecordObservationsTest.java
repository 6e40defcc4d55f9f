package org.vetted.support.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/** Each record's steps run in an observation continuing the trace of its traceparent header, on real tracing. */
class RecordObservationsTest {
    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";

    private final TestTracing tracing = new TestTracing();
    private final RecordObservations observations = new RecordObservations(tracing.registry());

    private static Message<String> record(Object traceparent) {
        MessageBuilder<String> record =
                MessageBuilder.withPayload("x").setHeader(KafkaHeaders.RECEIVED_TOPIC, "article.approved");
        return (traceparent == null ? record : record.setHeader("traceparent", traceparent)).build();
    }

    @Test
    void aRecordsStepsRunInItsTraceOnWhicheverThreadWhetherTheHeaderIsBytesOrText() {
        for (Object header : List.of(
                TestTracing.traceparent(TRACE).getBytes(StandardCharsets.UTF_8), TestTracing.traceparent(TRACE))) {
            Observation observation = observations.start(record(header));
            assertThat(tracing.currentTraceId()).as("started, not yet current").isNull();
            String onAnotherThread = CompletableFuture.supplyAsync(() -> observation.scoped(tracing::currentTraceId))
                    .join();
            String here = observation.scoped(tracing::currentTraceId);
            observation.stop();

            assertThat(onAnotherThread).isEqualTo(TRACE);
            assertThat(here).isEqualTo(TRACE);
            assertThat(observation.getContextView().getContextualName()).isEqualTo("article.approved receive");
            assertThat(tracing.currentTraceId()).as("nothing left current").isNull();
        }
    }

    @Test
    void aRecordWithoutTheHeaderStartsATraceOfItsOwn() {
        List<String> traces = new ArrayList<>();
        observations.observe(record(TestTracing.traceparent(TRACE)), () -> traces.add(tracing.currentTraceId()));
        observations.observe(record(null), () -> traces.add(tracing.currentTraceId()));
        observations.observe(record(null), () -> traces.add(tracing.currentTraceId()));

        assertThat(traces).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(traces.get(0)).isEqualTo(TRACE);
    }

    @Test
    void underAnObservationAlreadyCurrentTheWorkRunsInItAsIs() {
        // A record-at-a-time binding's listener observation is the record's own.
        Observation listener = Observation.start("listener", tracing.registry());
        List<Observation> current = new ArrayList<>();
        listener.scoped(() -> observations.observe(
                record(TestTracing.traceparent(TRACE)),
                () -> current.add(tracing.registry().getCurrentObservation())));
        listener.stop();

        assertThat(current).containsExactly(listener);
    }

    @Test
    void aNoopRegistryObservesNothing() {
        RecordObservations none = new RecordObservations(ObservationRegistry.NOOP);
        assertThat(none.start(record(TestTracing.traceparent(TRACE)))).isSameAs(Observation.NOOP);
        List<String> traces = new ArrayList<>();
        none.observe(record(TestTracing.traceparent(TRACE)), () -> traces.add(tracing.currentTraceId()));
        assertThat(traces).containsExactly((String) null);
    }
}
