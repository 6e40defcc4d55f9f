package org.vetted.examples.site;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public topic read with a plain Kafka consumer: committed records only ({@code read_committed}: what
 * distribution's transactions aborted is never seen), values as raw bytes, so the signature is checked over exactly
 * what was written. Either every partition from offset 0 on each start (no group, nothing committed: the site's files
 * are the state, and a replay rewrites nothing), or as a consumer group of its own, committing after each batch.
 */
public final class SiteConsumer {
    private static final Logger log = LoggerFactory.getLogger(SiteConsumer.class);

    /**
     * @param groupId null to read every partition from offset 0 (no group)
     * @param once    stop once every partition is read to where it ended at start (offset 0 mode only)
     * @param client  extra Kafka client settings (security.protocol, sasl.*, ssl.*), may be empty
     */
    public record Settings(String bootstrapServers, String topic, String groupId, boolean once, Properties client) {}

    private final Settings settings;
    private final Dispatch dispatch;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile KafkaConsumer<String, byte[]> consumer;

    public SiteConsumer(Settings settings, Dispatch dispatch) {
        if (settings.once() && settings.groupId() != null) {
            throw new IllegalArgumentException("--once reads from offset 0 and needs no group");
        }
        this.settings = settings;
        this.dispatch = dispatch;
    }

    /** Reads until {@link #stop()} (or, with {@code once}, until caught up); returns how many records it handled. */
    public long run() {
        long handled = 0;
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(config())) {
            consumer = kafka;
            if (stopping.get()) {
                return 0;
            }
            Map<TopicPartition, Long> end = Map.of();
            if (settings.groupId() == null) {
                List<TopicPartition> partitions = kafka.partitionsFor(settings.topic(), Duration.ofSeconds(30)).stream()
                        .map(info -> new TopicPartition(settings.topic(), info.partition()))
                        .toList();
                kafka.assign(partitions);
                kafka.seekToBeginning(partitions);
                end = settings.once() ? kafka.endOffsets(partitions) : Map.of();
            } else {
                kafka.subscribe(List.of(settings.topic()));
            }
            while (!stopping.get()) {
                if (settings.once() && caughtUp(kafka, end)) {
                    break;
                }
                for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(500))) {
                    dispatch.handle(
                            record.topic() + "-" + record.partition() + "@" + record.offset(),
                            record.headers(),
                            record.value() == null ? new byte[0] : record.value());
                    handled++;
                }
                if (settings.groupId() != null) {
                    kafka.commitSync();
                }
            }
        } catch (WakeupException e) {
            if (!stopping.get()) {
                throw e;
            }
        }
        log.info("Stopped after {} records", handled);
        return handled;
    }

    /** From another thread (a shutdown hook): ends {@link #run()} after the record in hand. */
    public void stop() {
        stopping.set(true);
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    private static boolean caughtUp(KafkaConsumer<String, byte[]> kafka, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> kafka.position(e.getKey()) >= e.getValue());
    }

    private Map<String, Object> config() {
        Map<String, Object> config = new HashMap<>();
        settings.client().forEach((key, value) -> config.put(key.toString(), value));
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        if (settings.groupId() != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        }
        return config;
    }
}
