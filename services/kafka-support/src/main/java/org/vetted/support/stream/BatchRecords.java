package org.vetted.support.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The records of a batch-mode binding's message (one poll: a list payload, Kafka's metadata as lists in the headers)
 * as one message each, with the headers a record-at-a-time consumer would have had: topic, partition, offset, key,
 * timestamp and the record's own headers (signatures' trace context, a deserialization failure). A record without a value (it did
 * not decode) gets {@link KafkaNull} as its payload. A message whose payload is not a list (the test binder) is a
 * batch of one.
 */
public final class BatchRecords {

    @SuppressWarnings("unchecked")
    public static <T> List<Message<T>> split(Message<?> batch) {
        if (!(batch.getPayload() instanceof List<?> payloads)) {
            return List.of((Message<T>) batch);
        }
        List<?> topics = list(batch, KafkaHeaders.RECEIVED_TOPIC);
        List<?> partitions = list(batch, KafkaHeaders.RECEIVED_PARTITION);
        List<?> offsets = list(batch, KafkaHeaders.OFFSET);
        List<?> keys = list(batch, KafkaHeaders.RECEIVED_KEY);
        List<?> timestamps = list(batch, KafkaHeaders.RECEIVED_TIMESTAMP);
        List<?> converted = list(batch, KafkaHeaders.BATCH_CONVERTED_HEADERS);
        List<Message<T>> messages = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            Object payload = payloads.get(i);
            MessageBuilder<Object> message = MessageBuilder.withPayload(payload == null ? KafkaNull.INSTANCE : payload);
            if (converted != null && converted.get(i) instanceof Map<?, ?> headers) {
                headers.forEach((name, value) -> message.setHeader(String.valueOf(name), value));
            }
            setAt(message, KafkaHeaders.RECEIVED_TOPIC, topics, i);
            setAt(message, KafkaHeaders.RECEIVED_PARTITION, partitions, i);
            setAt(message, KafkaHeaders.OFFSET, offsets, i);
            setAt(message, KafkaHeaders.RECEIVED_KEY, keys, i);
            setAt(message, KafkaHeaders.RECEIVED_TIMESTAMP, timestamps, i);
            messages.add((Message<T>) message.build());
        }
        return messages;
    }

    private static List<?> list(Message<?> batch, String header) {
        return batch.getHeaders().get(header) instanceof List<?> values ? values : null;
    }

    private static void setAt(MessageBuilder<Object> message, String header, List<?> values, int i) {
        if (values != null && i < values.size()) {
            message.setHeader(header, values.get(i));
        }
    }

    private BatchRecords() {}
}
