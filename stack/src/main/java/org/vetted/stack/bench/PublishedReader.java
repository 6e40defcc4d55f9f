package org.vetted.stack.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.vetted.contract.Topics;

/**
 * Tells a load when an article is published: reads {@code article.published} (read_committed) from its end as it is
 * when made, on a thread of its own, and hands each record's key (the article id) to the listener. The values are not
 * decoded, so the bench does not slow the reading down.
 */
final class PublishedReader implements AutoCloseable {
    /** Called on the reader thread for each keyed record, with {@link System#nanoTime()} when it was read. */
    interface Listener {
        void published(String articleId, long readAt);
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread reader;

    PublishedReader(String bootstrapServers, String threadName, Listener listener) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.PUBLISHED).stream()
                .map(info -> new TopicPartition(Topics.PUBLISHED, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // Resolved now: what is published from here on is read, nothing before.
        partitions.forEach(consumer::position);
        reader = new Thread(() -> read(listener), threadName);
        reader.setDaemon(true);
        reader.start();
    }

    private void read(Listener listener) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    if (record.key() != null) {
                        listener.published(record.key(), now);
                    }
                }
            }
        } catch (WakeupException | InterruptException closing) {
            // close() stops the reader: whichever of its interrupt and wakeup the poll meets first.
        }
    }

    @Override
    public void close() {
        reader.interrupt();
        consumer.wakeup();
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close();
    }
}
