package org.vetted.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.EventsForTests;
import org.vetted.contract.PoisonEventException;
import org.vetted.contract.RecordGuard;
import org.vetted.contract.Topics;
import org.vetted.events.DraftSubmitted;

/**
 * The shared plumbing on a real KRaft broker, configured as every service is (transactions, read_committed,
 * native Avro, ErrorHandlingDeserializer): undecodable bytes and a PoisonEventException both land in
 * {@code <topic>.<group>.dlt} with the cause, and the records behind them on the same partition still flow. The
 * topics the app creates are kept forever; the one the broker made with its defaults is reported as unsafe.
 */
@ExtendWith(SharedBroker.Extension.class)
class DeadLetterAutoConfigurationIT {
    private static final String IN = "it.in";
    private static final String OUT = "it.out";
    private static final String DLT = IN + ".echo-group.dlt";

    private static SharedBroker broker;
    private static ConfigurableApplicationContext app;

    @SpringBootApplication
    static class EchoApp {
        @Bean
        Function<Message<DraftSubmitted>, Message<DraftSubmitted>> echo() {
            return message -> RecordGuard.process(() -> {
                DraftSubmitted draft = message.getPayload();
                if (draft.getTitle().contains("poison")) {
                    throw new PoisonEventException("title says poison");
                }
                if (draft.getTitle().contains("deep")) {
                    descend(draft.getTitle().length());
                }
                return MessageBuilder.withPayload(draft)
                        .setHeader(KafkaHeaders.KEY, draft.getArticleId())
                        .build();
            });
        }

        /** Recursion without end, as a renderer meets Markdown nested a thousand deep. */
        static int descend(int depth) {
            return descend(depth + 1) + 1;
        }
    }

    @BeforeAll
    static void start(SharedBroker shared) throws Exception {
        broker = shared;
        // IN as a broker makes a topic nobody configured: with its defaults.
        broker.createTopics(IN);
        // Only what is this app's own: the rest (serde, transactions, read_committed, topic settings) comes from
        // the shared settings every service gets, so this test runs on them.
        String p = "--spring.cloud.stream.";
        app = new SpringApplicationBuilder(EchoApp.class)
                .web(org.springframework.boot.WebApplicationType.NONE)
                .run(
                        "--spring.application.name=echo",
                        "--spring.cloud.function.definition=echo",
                        "--vetted.kafka.exit-when-consumer-stops=false",
                        p + "bindings.echo-in-0.destination=" + IN,
                        p + "bindings.echo-in-0.group=echo-group",
                        p + "bindings.echo-in-0.consumer.max-attempts=2",
                        p + "bindings.echo-out-0.destination=" + OUT,
                        p + "kafka.binder.brokers=" + broker.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void undecodableBytesAndPoisonEventsAreDeadLetteredAndTheNextRecordFlows() {
        String key = "article-" + UUID.randomUUID();
        byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
        DraftSubmitted poison = EventsForTests.draft(key, "poison pill");
        DraftSubmitted deep = EventsForTests.draft(key, "deep nesting");
        DraftSubmitted good = EventsForTests.draft(key, "a good draft");
        send(key, garbage);
        send(key, EventCatalog.standard().encode(poison));
        send(key, EventCatalog.standard().encode(deep));
        send(key, EventCatalog.standard().encode(good));

        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = broker.readCommitted()) {
            consumer.subscribe(List.of(OUT, DLT));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> (r.topic().equals(OUT) ? out : dead).add(r));
                return out.size() >= 1 && dead.size() >= 3;
            });
        }

        assertThat(out).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(key);
            assertThat(EventCatalog.standard().decode(r.value())).isEqualTo(good);
        });
        assertThat(dead).extracting(ConsumerRecord::key).containsOnly(key);
        assertThat(dead.get(0).value()).isEqualTo(garbage);
        assertThat(header(dead.get(0), Topics.DEAD_LETTER_REASON_HEADER)).contains("C3 01");
        assertThat(EventCatalog.standard().decode(dead.get(1).value())).isEqualTo(poison);
        assertThat(header(dead.get(1), Topics.DEAD_LETTER_REASON_HEADER))
                .isEqualTo("PoisonEventException: title says poison");
        assertThat(header(dead.get(1), "kafka_dlt-original-topic")).isEqualTo(IN);
        assertThat(EventCatalog.standard().decode(dead.get(2).value())).isEqualTo(deep);
        assertThat(header(dead.get(2), Topics.DEAD_LETTER_REASON_HEADER)).contains("StackOverflowError");
        assertThat(app.getBean(ConsumerWatchdog.class).health().getStatus().getCode())
                .isEqualTo("UP");
    }

    @Test
    void topicsTheAppCreatesAreKeptForeverAndOneMadeWithBrokerDefaultsIsReported() throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            for (String created : List.of(OUT, DLT)) {
                Config config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, created)))
                        .all()
                        .get(30, TimeUnit.SECONDS)
                        .values()
                        .iterator()
                        .next();
                assertThat(config.get("retention.ms").value()).as(created).isEqualTo("-1");
                assertThat(config.get("cleanup.policy").value()).as(created).isEqualTo("delete");
            }
            // IN was made by the broker with its defaults: 7 days.
            assertThat(TopicSettingsCheck.check(admin, List.of(IN, OUT, DLT), app.getBean(TopicSettings.class)))
                    .containsExactly(IN + ": retention.ms=604800000 deletes events older than 7 days (want -1: kept "
                            + "forever)");
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void send(String key, byte[] value) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(IN, key, value));
        }
    }
}
