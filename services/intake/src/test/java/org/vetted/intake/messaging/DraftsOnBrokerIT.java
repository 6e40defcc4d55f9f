package org.vetted.intake.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.cloud.stream.binder.BinderFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.intake.app.DraftPublisher.Publication;
import org.vetted.intake.domain.accounts.Author;
import org.vetted.intake.domain.drafts.Draft;
import org.vetted.support.batch.BinderTransactions;
import org.vetted.support.kafka.SharedBroker;

/**
 * Intake's drafts on a real KRaft broker, with the draft binding's {@code sync} exactly as intake's application.yml
 * sets it: a draft is answered {@link Publication.Committed} (a 202) only once a read_committed reader can see it.
 * A draft the broker refuses (here over the topic's {@code max.message.bytes}, below intake's own limit) fails its
 * transaction's commit, and every draft of that transaction is answered {@link Publication.NotSent} (the transaction
 * aborted: certainly not committed, so numbers and slugs may be handed out again) and is never read; the drafts
 * around it commit. Both with group commit and with a lone send in the binder's own transaction.
 */
@ExtendWith(SharedBroker.Extension.class)
class DraftsOnBrokerIT {
    private static final String TOPIC = "it.draft-submitted";
    private static final Author WANDA = new Author("wanda", "Wanda Writer");

    /** The module's one test broker (kafka-support's, set up for transactions on one node), shared with its other ITs. */
    private static SharedBroker broker;

    private static ConfigurableApplicationContext app;

    /**
     * The binder and kafka-support's settings, none of intake's beans (no database). No
     * {@code @SpringBootConfiguration}: the service's {@code @SpringBootTest}s in this package would take it for theirs.
     */
    @EnableAutoConfiguration(
            excludeName = {
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"
            })
    static class SendingApp {}

    @BeforeAll
    static void start(SharedBroker shared) throws IOException {
        broker = shared;
        String binding = KafkaDraftPublisher.BINDING;
        String p = "--spring.cloud.stream.";
        app = new SpringApplicationBuilder(SendingApp.class)
                .web(org.springframework.boot.WebApplicationType.NONE)
                .run(
                        "--spring.config.name=drafts-on-broker-it",
                        "--spring.application.name=drafts-on-broker-it",
                        "--vetted.kafka.exit-when-consumer-stops=false",
                        p + "output-bindings=" + binding,
                        p + "bindings." + binding + ".destination=" + TOPIC,
                        p + "kafka.bindings." + binding + ".producer.sync=" + intakesSync(),
                        p + "kafka.bindings." + binding + ".producer.topic.properties.max.message.bytes=20000",
                        p + "kafka.binder.brokers=" + broker.bootstrapServers());
    }

    /** The draft binding's {@code sync} as intake runs with it. */
    private static String intakesSync() throws IOException {
        Object sync = new YamlPropertySourceLoader()
                .load("intake", new ClassPathResource("application.yml"))
                .get(0)
                .getProperty("spring.cloud.stream.kafka.bindings." + KafkaDraftPublisher.BINDING + ".producer.sync");
        assertThat(sync)
                .as("intake's application.yml sets the draft binding's sync")
                .isNotNull();
        return sync.toString();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aGroupCommitWithADraftTheBrokerRefusesIsAnsweredNotSentAndNoneOfItIsRead() throws Exception {
        String run = UUID.randomUUID().toString();
        CountDownLatch firstMayCommit = new CountDownLatch(1);
        BinderTransactions binder = new BinderTransactions(app.getBean(BinderFactory.class));
        AtomicBoolean held = new AtomicBoolean();
        // The first transaction waits until the next batch has queued behind it, so that batch is known.
        Supplier<TransactionTemplate> transactions =
                () -> new TransactionTemplate(binder.get().getTransactionManager()) {
                    @Override
                    public <T> T execute(TransactionCallback<T> action) {
                        if (held.compareAndSet(false, true)) {
                            awaitQuietly(firstMayCommit);
                        }
                        return super.execute(action);
                    }
                };
        KafkaDraftPublisher publisher = new KafkaDraftPublisher(
                app.getBean(StreamBridge.class),
                DemoKeys.signaturesOf(Issuer.INTAKE),
                KafkaDraftPublisher.MAX_EVENT_BYTES,
                transactions,
                16,
                size -> {});
        try {
            CompletableFuture<Publication> first = publish(publisher, draft(run, "first", 0));
            await().until(() -> held.get() && publisher.waitingDrafts() == 0);
            List<CompletableFuture<Publication>> batch = new ArrayList<>();
            for (Draft draft :
                    List.of(draft(run, "small-1", 0), draft(run, "too-big", 40_000), draft(run, "small-2", 0))) {
                int before = publisher.waitingDrafts();
                batch.add(publish(publisher, draft));
                await().until(() -> publisher.waitingDrafts() == before + 1);
            }
            firstMayCommit.countDown();

            assertThat(first.get(60, TimeUnit.SECONDS)).isInstanceOf(Publication.Committed.class);
            for (CompletableFuture<Publication> answer : batch) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isInstanceOf(Publication.NotSent.class);
            }
            assertThat(publish(publisher, draft(run, "after", 0)).get(60, TimeUnit.SECONDS))
                    .isInstanceOf(Publication.Committed.class);
        } finally {
            publisher.destroy();
        }

        assertThat(committedTitles(run, "first", "after")).containsExactlyInAnyOrder("first", "after");
    }

    @Test
    void aLoneSendTheBrokerRefusesIsAnsweredNotSentAndIsNeverRead() {
        String run = UUID.randomUUID().toString();
        KafkaDraftPublisher publisher =
                new KafkaDraftPublisher(app.getBean(StreamBridge.class), DemoKeys.signaturesOf(Issuer.INTAKE));

        assertThat(publisher.publish(draft(run, "before", 0), UUID.randomUUID().toString(), Instant.now()))
                .isInstanceOf(Publication.Committed.class);
        assertThat(publisher.publish(
                        draft(run, "too-big", 40_000), UUID.randomUUID().toString(), Instant.now()))
                .isInstanceOf(Publication.NotSent.class);
        assertThat(publisher.publish(draft(run, "after", 0), UUID.randomUUID().toString(), Instant.now()))
                .isInstanceOf(Publication.Committed.class);

        assertThat(committedTitles(run, "before", "after")).containsExactlyInAnyOrder("before", "after");
    }

    private static CompletableFuture<Publication> publish(KafkaDraftPublisher publisher, Draft draft) {
        return CompletableFuture.supplyAsync(
                () -> publisher.publish(draft, UUID.randomUUID().toString(), Instant.now()),
                runnable -> new Thread(runnable).start());
    }

    /** A draft of article {@code <run>-<title>}, its body padded by {@code bodyBytes}. */
    private static Draft draft(String run, String title, int bodyBytes) {
        return new Draft(
                run + "-" + title,
                1,
                "slug-" + title,
                title,
                null,
                List.of(WANDA),
                WANDA,
                List.of(),
                "Walking may ease back pain." + "x".repeat(bodyBytes) + "\n",
                "sha256v2:x",
                List.of(),
                List.of(),
                List.of());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Titles of this run's drafts a read_committed reader sees (the drafts are of several articles, so on several
     * partitions: in no particular order), read to the end of every partition once the {@code expected} ones
     * arrived, so a draft of an aborted transaction would be among them.
     */
    private static List<String> committedTitles(String run, String... expected) {
        List<String> titles = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = broker.readCommitted()) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.key().startsWith(run + "-")) {
                        titles.add(record.key().substring(run.length() + 1));
                    }
                });
                return titles.containsAll(List.of(expected))
                        && !consumer.assignment().isEmpty()
                        && consumer.endOffsets(consumer.assignment()).entrySet().stream()
                                .allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
            });
        }
        return titles;
    }
}
