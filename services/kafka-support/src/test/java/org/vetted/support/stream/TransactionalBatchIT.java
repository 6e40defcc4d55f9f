package org.vetted.support.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.vetted.support.kafka.SharedBroker;

/**
 * A batch-mode relay built as rendering and distribution are ({@link TransactionalBatch}, sends through StreamBridge
 * without waiting for each acknowledgement) on a real KRaft broker with the shared settings: a send that fails only
 * when the broker answers (a record larger than the output topic takes) fails the whole poll. The transaction is
 * aborted: the poll's other records, sent before the failure, are in the log but never visible to read_committed,
 * and the poll is redelivered whole.
 */
@ExtendWith(SharedBroker.Extension.class)
class TransactionalBatchIT {
    private static final String IN = "tb.in";
    private static final String OUT = "tb.out";
    private static final int OUT_MAX_BYTES = 4096;

    private static SharedBroker broker;
    private static ConfigurableApplicationContext app;

    @SpringBootApplication
    static class RelayApp {
        @Bean
        Consumer<Message<Object>> relay(StreamBridge bridge) {
            TransactionalBatch<Object, byte[]> batch = new TransactionalBatch<>(
                    record -> (byte[]) record.getPayload(),
                    (record, value) -> bridge.send(
                            "relay-out-0",
                            MessageBuilder.withPayload(value)
                                    .setHeader(
                                            KafkaHeaders.KEY,
                                            record.getHeaders().get(KafkaHeaders.RECEIVED_KEY))
                                    .build()),
                    (record, cause) -> {
                        throw cause;
                    });
            return batch::accept;
        }
    }

    @BeforeAll
    static void start(SharedBroker shared) throws Exception {
        broker = shared;
        broker.createTopics(IN);
        // One poll: written in one transaction before the relay starts. The middle record is larger than the output
        // topic's max.message.bytes, which the producer does not know: its send fails when the broker answers.
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tb-writer-" + UUID.randomUUID());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(IN, "article-1", bytes("first")));
            byte[] big = new byte[OUT_MAX_BYTES * 4];
            Arrays.fill(big, (byte) 'x');
            producer.send(new ProducerRecord<>(IN, "article-1", big));
            producer.send(new ProducerRecord<>(IN, "article-1", bytes("last")));
            producer.commitTransaction();
        }
        String p = "--spring.cloud.stream.";
        app = new SpringApplicationBuilder(RelayApp.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--spring.application.name=relay",
                        "--spring.cloud.function.definition=relay",
                        "--vetted.kafka.exit-when-consumer-stops=false",
                        p + "output-bindings=relay-out-0",
                        p + "bindings.relay-in-0.destination=" + IN,
                        p + "bindings.relay-in-0.group=relay-group",
                        p + "bindings.relay-in-0.consumer.batch-mode=true",
                        p + "kafka.bindings.relay-in-0.consumer.configuration.value.deserializer="
                                + ByteArrayDeserializer.class.getName(),
                        p + "bindings.relay-out-0.destination=" + OUT,
                        p + "kafka.bindings.relay-out-0.producer.topic.properties.max.message.bytes=" + OUT_MAX_BYTES,
                        p + "kafka.binder.brokers=" + broker.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aSendTheBrokerRefusesAbortsTheWholePoll() {
        // The relay did send the poll's first record, in each attempt: the log has it (read_uncommitted)...
        List<String> sent = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> uncommitted = reader("read_uncommitted")) {
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                uncommitted.poll(Duration.ofMillis(200)).forEach(r -> sent.add(text(r.value())));
                return sent.stream().filter("first"::equals).count() >= 2;
            });
        }
        // ...but every attempt was aborted: up to the last stable offset, past at least the first attempt's abort
        // marker, read_committed reads none of it.
        List<String> committed = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> reader = reader("read_committed")) {
            Map<TopicPartition, Long> stable = reader.endOffsets(reader.assignment());
            assertThat(stable.values().stream().mapToLong(Long::longValue).sum())
                    .as("the last stable offsets are past the first attempt")
                    .isPositive();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                reader.poll(Duration.ofMillis(200)).forEach(r -> committed.add(text(r.value())));
                return stable.entrySet().stream().allMatch(end -> reader.position(end.getKey()) >= end.getValue());
            });
        }
        assertThat(committed).isEmpty();
    }

    private static KafkaConsumer<String, byte[]> reader(String isolation) {
        KafkaConsumer<String, byte[]> consumer = broker.consumer(isolation);
        List<TopicPartition> partitions = consumer.partitionsFor(OUT).stream()
                .map(info -> new TopicPartition(OUT, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] value) {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }
}
