package org.vetted.support.kafka;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;

/**
 * Dead-lettering of one record of a batch inside the batch's own transaction: the container's
 * {@code DeadLetterPublishingRecoverer} of the binding (same topic {@code <topic>.<group>.dlt}, same cause headers,
 * same count), called by a batch listener that writes records of its own (rendering, publishing). Such a listener
 * cannot name its failed record to the container as a projection does: the rollback would take the records it has
 * already sent in the batch with it. So the poison record's dead letter joins the batch's transaction, and the rest
 * of the batch goes on. Registered per binding by {@link DeadLetterAutoConfiguration} as each container is made; a
 * binding with no container (the test binder) has none, and the cause is thrown as a record-at-a-time listener's.
 */
public final class BatchDeadLetters {
    private final Map<String, BiConsumer<ConsumerRecord<?, ?>, Exception>> recoverers = new ConcurrentHashMap<>();

    void register(String destinations, String group, BiConsumer<ConsumerRecord<?, ?>, Exception> recoverer) {
        Arrays.stream(destinations.split(","))
                .map(String::strip)
                .filter(topic -> !topic.isEmpty())
                .forEach(topic -> recoverers.put(topic + " " + group, recoverer));
    }

    /**
     * Dead-letters {@code record} (one message of a batch, as {@code BatchRecords.split} makes it) of the consumer
     * group {@code group} with {@code cause}, in the transaction under way; or throws {@code cause} where the binding
     * has no container.
     */
    public void deadLetter(String group, Message<?> record, RuntimeException cause) {
        String topic = record.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC, String.class);
        BiConsumer<ConsumerRecord<?, ?>, Exception> recoverer =
                topic == null ? null : recoverers.get(topic + " " + group);
        if (recoverer == null) {
            throw cause;
        }
        recoverer.accept(consumerRecord(topic, record), cause);
    }

    /** The record as the container had it: its place, key, value and its own (raw) headers. */
    static ConsumerRecord<Object, Object> consumerRecord(String topic, Message<?> record) {
        var headers = record.getHeaders();
        RecordHeaders raw = new RecordHeaders();
        headers.forEach((name, value) -> {
            if (value instanceof byte[] bytes && !name.startsWith(KafkaHeaders.PREFIX)) {
                raw.add(name, bytes);
            }
        });
        Object value = record.getPayload() instanceof KafkaNull ? null : record.getPayload();
        return new ConsumerRecord<>(
                topic,
                Optional.ofNullable(headers.get(KafkaHeaders.RECEIVED_PARTITION, Integer.class))
                        .orElse(0),
                Optional.ofNullable(headers.get(KafkaHeaders.OFFSET, Long.class))
                        .orElse(-1L),
                Optional.ofNullable(headers.get(KafkaHeaders.RECEIVED_TIMESTAMP, Long.class))
                        .orElse(ConsumerRecord.NO_TIMESTAMP),
                TimestampType.CREATE_TIME,
                ConsumerRecord.NULL_SIZE,
                ConsumerRecord.NULL_SIZE,
                headers.get(KafkaHeaders.RECEIVED_KEY),
                value,
                raw,
                Optional.empty());
    }
}
