package org.vetted.support.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.stream.binder.BinderFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.vetted.contract.EventsForTests;
import org.vetted.events.DraftSubmitted;
import org.vetted.support.kafka.SharedBroker;

/**
 * Group commit over the binder's transactional producer on a real KRaft broker, with an output binding that does not
 * wait for each send's ack ({@code sync: false}, as review's shared transactions send): the commit flushes the
 * batch, and a send the broker refuses (here a record over the topic's {@code max.message.bytes}) fails the commit,
 * so every caller of its batch fails and a read_committed reader sees none of the batch, while the batches before
 * and after it commit.
 */
@ExtendWith(SharedBroker.Extension.class)
class GroupCommitOnBrokerIT {
    private static final String OUT = "it.group-commit";

    private static SharedBroker broker;
    private static ConfigurableApplicationContext app;

    @SpringBootApplication
    static class SendingApp {}

    @BeforeAll
    static void start(SharedBroker shared) {
        broker = shared;
        String p = "--spring.cloud.stream.";
        app = new SpringApplicationBuilder(SendingApp.class)
                .web(org.springframework.boot.WebApplicationType.NONE)
                .run(
                        "--spring.application.name=group-commit-it",
                        "--vetted.kafka.exit-when-consumer-stops=false",
                        p + "output-bindings=out-0",
                        p + "bindings.out-0.destination=" + OUT,
                        p + "kafka.bindings.out-0.producer.sync=false",
                        p + "kafka.bindings.out-0.producer.topic.properties.max.message.bytes=20000",
                        p + "kafka.binder.brokers=" + broker.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aSendTheBrokerRefusesFailsEveryCallerOfItsBatchAndNoneOfTheBatchIsRead() throws Exception {
        StreamBridge bridge = app.getBean(StreamBridge.class);
        BinderTransactions transactions = new BinderTransactions(app.getBean(BinderFactory.class));
        CountDownLatch firstMayEnd = new CountDownLatch(1);
        String run = UUID.randomUUID().toString();
        try (GroupCommit<DraftSubmitted, Boolean> group = new GroupCommit<>("it", 16, items -> {
            transactions
                    .get()
                    .executeWithoutResult(status -> items.forEach(draft -> {
                        if (draft.getTitle().equals("first")) {
                            awaitQuietly(firstMayEnd);
                        }
                        assertThat(bridge.send(
                                        "out-0",
                                        MessageBuilder.withPayload(draft)
                                                .setHeader(KafkaHeaders.KEY, draft.getArticleId())
                                                .build()))
                                .isTrue();
                    }));
            return Collections.nCopies(items.size(), Boolean.TRUE);
        })) {
            CompletableFuture<Boolean> first = submit(group, draft(run, "first", 0));
            await().until(() -> group.waiting() == 0);
            // While the first batch's commit is held, three drafts queue for the next one: one too big to be kept.
            List<CompletableFuture<Boolean>> failing = new ArrayList<>();
            for (DraftSubmitted draft :
                    List.of(draft(run, "small-1", 0), draft(run, "too-big", 40_000), draft(run, "small-2", 0))) {
                int before = group.waiting();
                failing.add(submit(group, draft));
                await().until(() -> group.waiting() == before + 1);
            }
            firstMayEnd.countDown();
            assertThat(first.get(60, TimeUnit.SECONDS)).isTrue();
            for (CompletableFuture<Boolean> answer : failing) {
                assertThatThrownBy(() -> answer.get(60, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class)
                        .cause()
                        .isInstanceOf(GroupCommit.CommitFailedException.class);
            }
            assertThat(submit(group, draft(run, "after", 0)).get(60, TimeUnit.SECONDS))
                    .isTrue();
        }

        assertThat(committedTitles(run, "first", "after")).containsExactlyInAnyOrder("first", "after");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static CompletableFuture<Boolean> submit(GroupCommit<DraftSubmitted, Boolean> group, DraftSubmitted draft) {
        return CompletableFuture.supplyAsync(() -> group.submit(draft), runnable -> new Thread(runnable).start());
    }

    private static DraftSubmitted draft(String run, String title, int bodyBytes) {
        DraftSubmitted draft = EventsForTests.draft(run + "-" + title, title);
        draft.setBodyMarkdown(draft.getBodyMarkdown() + "x".repeat(bodyBytes));
        return draft;
    }

    /**
     * Titles of this run's drafts a read_committed reader sees (the drafts are of several articles, so on several
     * partitions: in no particular order), read to the end of every partition once the {@code expected} ones arrived,
     * so a draft of an aborted transaction would be among them.
     */
    private static List<String> committedTitles(String run, String... expected) {
        List<String> titles = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = broker.readCommitted()) {
            consumer.subscribe(List.of(OUT));
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
