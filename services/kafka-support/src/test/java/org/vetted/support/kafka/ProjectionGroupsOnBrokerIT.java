package org.vetted.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaResourceHolder;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.EventsForTests;
import org.vetted.contract.PoisonEventException;
import org.vetted.contract.Topics;
import org.vetted.events.DraftSubmitted;
import org.vetted.support.projection.StoreUnavailableException;
import org.vetted.support.stream.BatchRecords;

/**
 * A batch binding of a group named in {@code vetted.kafka.projection-groups} (a projection keeping its position in its
 * database), on a real KRaft broker with every service's shared settings: its polls run outside Kafka transactions,
 * and a record it names as failed (as {@code SharedProjection} does) is still dead-lettered with its cause, read by a
 * read_committed reader, while the records around it are applied once each, in order; a record that meets a store
 * outage is retried until the store takes it, never dead-lettered. A binding of another group in the same service
 * stays transactional.
 */
@ExtendWith(SharedBroker.Extension.class)
class ProjectionGroupsOnBrokerIT {
    private static final String IN = "it.projection-in";
    private static final String GROUP = "it-projection";
    private static final String DLT = IN + "." + GROUP + ".dlt";
    private static final String OTHER_IN = "it.other-in";

    /** More failures than the ordinary back-off's attempts: only the store outages' back-off outlasts them. */
    private static final int OUTAGES = 3;

    private static final AtomicInteger outages = new AtomicInteger();
    private static final List<String> applied = new CopyOnWriteArrayList<>();
    private static final List<Boolean> inTransaction = new CopyOnWriteArrayList<>();
    private static final List<Boolean> otherInTransaction = new CopyOnWriteArrayList<>();

    private static SharedBroker broker;
    private static ConfigurableApplicationContext app;

    /** No {@code @SpringBootConfiguration}: the other ITs' applications in this package would scan it. */
    @EnableAutoConfiguration
    static class ProjectionApp {
        /** Applies a poll in order, naming a poison record by its index, as SharedProjection's callers do. */
        @Bean
        Consumer<Message<Object>> project() {
            return batch -> {
                inTransaction.add(inKafkaTransaction());
                List<Message<DraftSubmitted>> messages = BatchRecords.split(batch);
                for (int i = 0; i < messages.size(); i++) {
                    String title = messages.get(i).getPayload().getTitle();
                    if (title.contains("poison")) {
                        throw new BatchListenerFailedException(
                                "record " + i, new PoisonEventException("title says poison"), i);
                    }
                    if (title.contains("outage") && outages.incrementAndGet() <= OUTAGES) {
                        throw new BatchListenerFailedException(
                                "record " + i, new StoreUnavailableException("the database is down", null), i);
                    }
                    applied.add(title);
                }
            };
        }

        @Bean
        Consumer<Message<DraftSubmitted>> other() {
            return message -> otherInTransaction.add(inKafkaTransaction());
        }
    }

    /** Whether the calling thread runs in a Kafka transaction: the container's producer bound to it. */
    private static boolean inKafkaTransaction() {
        return TransactionSynchronizationManager.getResourceMap().values().stream()
                .anyMatch(resource -> resource instanceof KafkaResourceHolder);
    }

    @BeforeAll
    static void start(SharedBroker shared) throws Exception {
        broker = shared;
        broker.createTopics(IN, OTHER_IN);
        String p = "--spring.cloud.stream.";
        app = new SpringApplicationBuilder(ProjectionApp.class)
                .web(org.springframework.boot.WebApplicationType.NONE)
                .run(
                        "--spring.application.name=projection-it",
                        "--spring.cloud.function.definition=project;other",
                        "--vetted.kafka.exit-when-consumer-stops=false",
                        "--vetted.kafka.projection-groups=unrelated, " + GROUP,
                        p + "bindings.project-in-0.destination=" + IN,
                        p + "bindings.project-in-0.group=" + GROUP,
                        p + "bindings.project-in-0.consumer.batch-mode=true",
                        p + "bindings.other-in-0.destination=" + OTHER_IN,
                        p + "bindings.other-in-0.group=it-other",
                        p + "kafka.binder.brokers=" + broker.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aProjectionGroupPollsOutsideTransactionsAndStillDeadLettersTheRecordItNames() {
        String key = "article-" + UUID.randomUUID();
        DraftSubmitted poison = EventsForTests.draft(key, "poison pill");
        send(IN, key, EventsForTests.draft(key, "first"));
        send(IN, key, poison);
        send(IN, key, EventsForTests.draft(key, "second"));
        send(IN, key, EventsForTests.draft(key, "during an outage"));
        send(OTHER_IN, key, EventsForTests.draft(key, "elsewhere"));

        List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = broker.readCommitted()) {
            consumer.subscribe(List.of(DLT));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(dead::add);
                return !dead.isEmpty() && applied.contains("during an outage") && !otherInTransaction.isEmpty();
            });
        }

        // The record that met a store outage was retried until the store took it, never dead-lettered.
        assertThat(applied).containsExactly("first", "second", "during an outage");
        assertThat(outages).hasValueGreaterThan(OUTAGES);
        assertThat(dead).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(key);
            assertThat(EventCatalog.standard().decode(record.value())).isEqualTo(poison);
            Header reason = record.headers().lastHeader(Topics.DEAD_LETTER_REASON_HEADER);
            assertThat(new String(reason.value(), StandardCharsets.UTF_8))
                    .isEqualTo("PoisonEventException: title says poison");
        });
        assertThat(inTransaction)
                .as("the projection group's polls")
                .isNotEmpty()
                .containsOnly(false);
        assertThat(otherInTransaction).as("another group's records").containsOnly(true);
    }

    private static void send(String topic, String key, DraftSubmitted draft) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            producer.send(
                    new ProducerRecord<>(topic, key, EventCatalog.standard().encode(draft)));
        }
    }
}
