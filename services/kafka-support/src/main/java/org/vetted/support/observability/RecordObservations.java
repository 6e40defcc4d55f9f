package org.vetted.support.observability;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import java.nio.charset.StandardCharsets;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.vetted.support.stream.TransactionalBatch;

/**
 * One observation per record of a batch-mode binding, as a record-at-a-time binding's listener observation makes:
 * its parent is the trace in the record's {@code traceparent} header (the tracing handler for receiver contexts
 * extracts it), and it is current while the record's work runs, so the log lines carry that trace id and every
 * record sent meanwhile carries the trace on. A record without the header starts a trace of its own.
 */
public final class RecordObservations {
    private RecordObservations() {}

    public static TransactionalBatch.Around continuing(ObservationRegistry registry) {
        if (registry == null || registry.isNoop()) {
            return TransactionalBatch.Around.NOTHING;
        }
        return (record, work) -> {
            ReceiverContext<Message<?>> context = new ReceiverContext<>(RecordObservations::header);
            context.setCarrier(record);
            context.setRemoteServiceName("kafka");
            Object topic = record.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC);
            Observation.createNotStarted("vetted.batch.record", () -> context, registry)
                    .contextualName((topic == null ? "record" : topic) + " receive")
                    .observe(work);
        };
    }

    /** A header as the propagator reads it: the binder hands record headers over as bytes or as text. */
    static String header(Message<?> record, String name) {
        Object value = record.getHeaders().get(name);
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value instanceof String text ? text : null;
    }
}
