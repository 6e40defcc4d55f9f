package org.vetted.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.util.backoff.FixedBackOff;
import org.vetted.contract.PoisonEventException;

/** The after-rollback step of a batch listener that names its failed record (no broker: Kafka's MockConsumer). */
class RecordByRecordAfterRollbackTest {
    private static final TopicPartition P0 = new TopicPartition("article.draft-submitted", 0);
    private static final TopicPartition P1 = new TopicPartition("article.draft-submitted", 1);

    private final List<ConsumerRecord<?, ?>> deadLettered = new ArrayList<>();
    private final RecordByRecordAfterRollback<String, String> afterRollback = new RecordByRecordAfterRollback<>(
            (record, cause) -> deadLettered.add(record), new FixedBackOff(0L, 2L), null, false);
    private final MockConsumer<String, String> consumer = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());
    private final KafkaMessageListenerContainer<String, String> container = new KafkaMessageListenerContainer<>(
            new DefaultKafkaConsumerFactory<>(Map.of()), new ContainerProperties(P0.topic()));

    {
        afterRollback.addNotRetryableExceptions(PoisonEventException.class);
    }

    @Test
    void onlyTheNamedPoisonRecordIsDeadLetteredAndTheConsumerGoesBackToTheRecordsAfterIt() {
        consumer.assign(List.of(P0, P1));
        consumer.seek(P0, 13);
        consumer.seek(P1, 6);
        List<ConsumerRecord<String, String>> batch =
                List.of(record(P0, 10), record(P0, 11), record(P0, 12), record(P1, 4), record(P1, 5));

        afterRollback.processBatch(
                new ConsumerRecords<>(Map.of(), Map.of()),
                batch,
                consumer,
                container,
                new BatchListenerFailedException("poison", new PoisonEventException("no value"), 1),
                // What the container passes for a listener of a list (Spring Cloud Stream's batch mode).
                false,
                ContainerProperties.EOSMode.V2);

        assertThat(deadLettered).containsExactly(batch.get(1));
        // Record 10 was applied before the failure; 12 and the other partition's are redelivered.
        assertThat(consumer.position(P0)).isEqualTo(12);
        assertThat(consumer.position(P1)).isEqualTo(4);
    }

    @Test
    void aFailureNamingNoRecordIsLeftToSpringKafka() {
        assertThat(RecordByRecordAfterRollback.failedIndex(new IllegalStateException("down"), 3))
                .isEqualTo(-1);
        assertThat(RecordByRecordAfterRollback.failedIndex(
                        new RuntimeException(new BatchListenerFailedException("x", 5)), 3))
                .isEqualTo(-1);
        assertThat(RecordByRecordAfterRollback.failedIndex(
                        new RuntimeException(new BatchListenerFailedException("x", 2)), 3))
                .isEqualTo(2);
    }

    private static ConsumerRecord<String, String> record(TopicPartition partition, long offset) {
        return new ConsumerRecord<>(partition.topic(), partition.partition(), offset, "article", "value");
    }
}
