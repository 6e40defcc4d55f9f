package org.vetted.support.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.vetted.support.stream.TransactionalBatch;

/** Each record's work runs in an observation whose carrier is the record, read as the tracing handler reads it. */
class RecordObservationsTest {
    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    /** What a tracing handler for receiver contexts sees: the parent it would extract. */
    private final List<String> parents = new ArrayList<>();

    private final ObservationRegistry registry = ObservationRegistry.create();

    {
        registry.observationConfig().observationHandler(new ObservationHandler<ReceiverContext<Message<?>>>() {
            @Override
            public void onStart(ReceiverContext<Message<?>> context) {
                parents.add(context.getGetter().get(context.getCarrier(), "traceparent"));
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return context instanceof ReceiverContext<?>;
            }
        });
    }

    @Test
    void theWorkRunsInAnObservationOfItsRecordWhoseTraceparentIsReadAsBytesOrText() {
        TransactionalBatch.Around around = RecordObservations.continuing(registry);
        List<Observation> current = new ArrayList<>();
        for (Object header : List.of(TRACEPARENT.getBytes(StandardCharsets.UTF_8), TRACEPARENT)) {
            Message<String> record = MessageBuilder.withPayload("x")
                    .setHeader("traceparent", header)
                    .setHeader(KafkaHeaders.RECEIVED_TOPIC, "article.approved")
                    .build();
            around.run(record, () -> current.add(registry.getCurrentObservation()));
        }
        assertThat(parents).containsExactly(TRACEPARENT, TRACEPARENT);
        assertThat(current).hasSize(2).doesNotContainNull();
        assertThat(current.get(0).getContextView().getContextualName()).isEqualTo("article.approved receive");
        assertThat(registry.getCurrentObservation()).as("closed after the work").isNull();
    }

    @Test
    void aRecordWithoutTheHeaderIsObservedWithNoParentAndWithoutARegistryNothingIsAdded() {
        RecordObservations.continuing(registry)
                .run(MessageBuilder.withPayload("x").build(), () -> {});
        assertThat(parents).containsExactly((String) null);
        assertThat(RecordObservations.continuing(ObservationRegistry.NOOP)).isSameAs(TransactionalBatch.Around.NOTHING);
        assertThat(RecordObservations.continuing(null)).isSameAs(TransactionalBatch.Around.NOTHING);
    }
}
