package org.vetted.support.observability;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * One observation per record of a batch-mode binding, as a record-at-a-time binding's listener observation makes:
 * its parent is the trace in the record's {@code traceparent} header (the tracing handler for receiver contexts
 * extracts it), and it is current while the record's steps run, so their log lines carry that trace id and every
 * record sent meanwhile carries the trace on. A record without the header starts a trace of its own.
 * <p>
 * The shared batch mechanisms ({@code SharedProjection}, {@code TransactionalBatch}) open it around every step of
 * every record themselves, so no consumer can forget it (two did, and their log lines lost the draft's trace).
 */
public final class RecordObservations {
    static final String NAME = "vetted.batch.record";

    private final ObservationRegistry registry;

    /** @param registry the service's; {@link ObservationRegistry#NOOP} (tests) observes nothing */
    public RecordObservations(ObservationRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * The record's observation, started and not yet current: open it around each step of the record with
     * {@link Observation#scoped}, on whichever thread runs the step, then {@link Observation#stop} it once.
     */
    public Observation start(Message<?> record) {
        if (registry.isNoop()) {
            return Observation.NOOP;
        }
        ReceiverContext<Message<?>> context = new ReceiverContext<>(RecordObservations::header);
        context.setCarrier(record);
        context.setRemoteServiceName("kafka");
        Object topic = record.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC);
        return Observation.createNotStarted(NAME, () -> context, registry)
                .contextualName((topic == null ? "record" : topic) + " receive")
                .start();
    }

    /**
     * The record's work in its observation, unless one is current already: a record-at-a-time binding's listener
     * observation is the record's own.
     */
    public void observe(Message<?> record, Runnable work) {
        if (registry.getCurrentObservation() != null) {
            work.run();
            return;
        }
        Observation observation = start(record);
        try {
            observation.scoped(work);
        } finally {
            observation.stop();
        }
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
