package org.vetted.support.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.observation.ObservationRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.vetted.support.observability.TestTracing;

/** On a real PostgreSQL, with the migration the services run; Kafka's own MockConsumer stands for the consumer. */
class SharedProjectionTest {
    private static final String TOPIC = "article.published";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private JdbcTemplate jdbc;
    private TransactionTemplate transactions;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void freshDatabase() throws Exception {
        String name = "projection_" + DATABASES.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
        DataSource dataSource = postgres.getDatabase("postgres", name);
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute(new String(
                getClass()
                        .getResourceAsStream("/db/projection-support/V0_1__projection_position.sql")
                        .readAllBytes(),
                StandardCharsets.UTF_8));
        jdbc.execute("create table effect (record text primary key)");
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    private SharedProjection projection() {
        return projection(ObservationRegistry.NOOP);
    }

    private SharedProjection projection(ObservationRegistry observations) {
        return new SharedProjection("pages", null, List.of(TOPIC), jdbc, transactions, observations, Duration.ZERO);
    }

    private static Message<String> record(int partition, long offset) {
        return traced(partition, offset, null);
    }

    /** A record carrying the trace {@code traceId} in its traceparent header, as the binder hands it (bytes). */
    private static Message<String> traced(int partition, long offset, String traceId) {
        MessageBuilder<String> record = MessageBuilder.withPayload("r" + partition + "-" + offset)
                .setHeader(KafkaHeaders.RECEIVED_TOPIC, TOPIC)
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, partition)
                .setHeader(KafkaHeaders.OFFSET, offset);
        if (traceId != null) {
            record.setHeader("traceparent", TestTracing.traceparent(traceId).getBytes(StandardCharsets.UTF_8));
        }
        return record.build();
    }

    private Runnable effectOf(Message<String> message) {
        return () -> jdbc.update("insert into effect (record) values (?)", message.getPayload());
    }

    private List<String> effects() {
        return jdbc.queryForList("select record from effect order by record", String.class);
    }

    @Test
    void aRecordCountsOnceWhicheverInstanceReadsItAndItsPositionCommitsWithIt() {
        SharedProjection one = projection();
        SharedProjection other = projection();

        assertThat(one.apply(record(0, 0), effectOf(record(0, 0)))).isTrue();
        assertThat(one.apply(record(0, 1), effectOf(record(0, 1)))).isTrue();
        // The other instance reads the partition again after a rebalance, from an older committed offset.
        assertThat(other.apply(record(0, 1), effectOf(record(0, 1)))).isFalse();
        assertThat(other.apply(record(0, 0), effectOf(record(0, 0)))).isFalse();
        assertThat(other.apply(record(0, 2), effectOf(record(0, 2)))).isTrue();

        assertThat(effects()).containsExactly("r0-0", "r0-1", "r0-2");
        assertThat(one.positions()).containsExactly(Map.entry(P0, 3L));
    }

    @Test
    void aFailedEffectLeavesNeitherTheEffectNorThePositionAndIsReportedAsTheStoresFault() {
        SharedProjection projection = projection();
        Message<String> message = record(1, 7);

        assertThatThrownBy(() -> projection.apply(message, () -> {
                    effectOf(message).run();
                    throw new DataAccessResourceFailureException("connection lost");
                }))
                .isInstanceOf(StoreUnavailableException.class);

        assertThat(effects()).isEmpty();
        assertThat(projection.positions()).doesNotContainKey(P1);
        assertThat(projection.apply(message, effectOf(message))).as("the retry").isTrue();
        assertThat(effects()).containsExactly("r1-7");
    }

    private void effect(Message<String> message) {
        effectOf(message).run();
    }

    @Test
    void aBatchCommitsItsEffectsAndPositionsTogetherAndAppliedTwiceChangesNothing() {
        List<Message<String>> batch = List.of(record(0, 0), record(1, 0), record(0, 1), record(1, 1), record(0, 2));

        assertThat(projection().applyBatch(batch, this::effect)).isEqualTo(5);
        // Redelivered, or read again by another instance after a rebalance: every record is below the positions.
        assertThat(projection().applyBatch(batch, this::effect)).isZero();

        assertThat(effects()).containsExactly("r0-0", "r0-1", "r0-2", "r1-0", "r1-1");
        assertThat(projection().positions()).containsOnly(Map.entry(P0, 3L), Map.entry(P1, 2L));
    }

    @Test
    void aBatchOverlappingWhatWasAppliedAppliesOnlyTheNewRecords() {
        SharedProjection projection = projection();
        projection.apply(record(0, 0), effectOf(record(0, 0)));
        projection.apply(record(0, 1), effectOf(record(0, 1)));

        int applied = projection.applyBatch(List.of(record(0, 1), record(0, 2), record(0, 3)), this::effect);

        assertThat(applied).isEqualTo(2);
        assertThat(effects()).containsExactly("r0-0", "r0-1", "r0-2", "r0-3");
        assertThat(projection.positions()).containsExactly(Map.entry(P0, 4L));
    }

    @Test
    void aBatchWhoseFirstRecordFailsLeavesNothingWritten() {
        SharedProjection projection = projection();
        List<Message<String>> batch = List.of(record(0, 0), record(0, 1), record(1, 0));

        assertThatThrownBy(() -> projection.applyBatch(batch, message -> {
                    effect(message);
                    if (message.getPayload().equals("r0-0")) {
                        throw new DataAccessResourceFailureException("connection lost");
                    }
                }))
                // The database, not the record: the whole batch is retried, never dead-lettered.
                .isInstanceOf(StoreUnavailableException.class);

        assertThat(effects()).isEmpty();
        assertThat(projection.positions()).isEmpty();
    }

    @Test
    void firstRunsInTheBatchsTransactionBeforeAnyWorkAndAgainForTheRecordsKeptBeforeAFailure() {
        SharedProjection projection = projection();
        List<Message<String>> batch = List.of(record(0, 0), record(0, 1), record(0, 2));
        List<Integer> seen = new java.util.ArrayList<>();

        assertThatThrownBy(() -> projection.applyBatch(
                        batch,
                        records -> {
                            seen.add(records.size());
                            jdbc.update("insert into effect (record) values (?)", "first-" + records.size());
                        },
                        message -> {
                            assertThat(effects())
                                    .as("first ran before the work")
                                    .isNotEmpty();
                            effect(message);
                            if (message.getPayload().equals("r0-2")) {
                                throw new IllegalStateException("poison");
                            }
                        }))
                .isInstanceOf(SharedProjection.BatchRecordFailed.class);

        assertThat(seen)
                .as("the whole batch, then the records before the failing one")
                .containsExactly(3, 2);
        // The first attempt's writes were rolled back with its batch: only the retried prefix's stay.
        assertThat(effects()).containsExactly("first-2", "r0-0", "r0-1");
    }

    @Test
    void aRecordFailingInABatchIsNamedAndOnlyTheRecordsBeforeItStay() {
        SharedProjection projection = projection();
        List<Message<String>> batch = List.of(record(0, 0), record(1, 0), record(0, 1), record(1, 1));

        assertThatThrownBy(() -> projection.applyBatch(batch, message -> {
                    effect(message);
                    if (message.getPayload().equals("r0-1")) {
                        throw new IllegalStateException("poison");
                    }
                }))
                .isInstanceOfSatisfying(SharedProjection.BatchRecordFailed.class, failed -> {
                    assertThat(failed.index()).isEqualTo(2);
                    assertThat(failed.getCause()).hasMessage("poison");
                });

        // The failing record and those after it: neither effect nor position (its effect was rolled back too).
        assertThat(effects()).containsExactly("r0-0", "r1-0");
        assertThat(projection.positions()).containsOnly(Map.entry(P0, 1L), Map.entry(P1, 1L));
        // The rest redelivered after the failing record was dead-lettered: applied once.
        assertThat(projection.applyBatch(List.of(record(1, 0), record(1, 1)), this::effect))
                .isEqualTo(1);
        assertThat(effects()).containsExactly("r0-0", "r1-0", "r1-1");
    }

    @Test
    void eachRecordIsPreparedAndAppliedInItsOwnTraceAndNoTraceLeaksToTheNextRecord() {
        TestTracing tracing = new TestTracing();
        SharedProjection projection = projection(tracing.registry());
        String first = "0af7651916cd43dd8448eb211c80319c";
        String third = "4bf92f3577b34da6a3ce929d0e0e4736";
        // The second record carries no trace: it gets one of its own, not its neighbour's.
        List<Message<String>> batch = List.of(traced(0, 0, first), traced(0, 1, null), traced(1, 0, third));
        Map<String, String> prepared = new java.util.concurrent.ConcurrentHashMap<>();
        List<String> applied = new ArrayList<>();

        int count = projection.applyBatch(
                batch, message -> prepared.put(message.getPayload(), tracing.currentTraceId()), (message, trace) -> {
                    applied.add(tracing.currentTraceId());
                    effect(message);
                });

        assertThat(count).isEqualTo(3);
        assertThat(applied).hasSize(3).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(applied.get(0)).isEqualTo(first);
        assertThat(applied.get(2)).isEqualTo(third);
        assertThat(prepared)
                .as("each record's preparation, on whichever thread, in its record's trace")
                .containsOnly(Map.entry("r0-0", first), Map.entry("r0-1", applied.get(1)), Map.entry("r1-0", third));
        assertThat(tracing.currentTraceId()).as("nothing left current").isNull();

        // A record-at-a-time apply runs its work in the record's trace too.
        List<String> single = new ArrayList<>();
        projection.apply(traced(1, 1, first), () -> single.add(tracing.currentTraceId()));
        assertThat(single).containsExactly(first);
    }

    @Test
    void everyRecordIsPreparedBeforeTheFirstIsAppliedAndAFailedPreparationIsNamedAtItsTurn() {
        SharedProjection projection = projection();
        List<Message<String>> batch = List.of(record(0, 0), record(1, 0), record(0, 1), record(1, 1));
        List<String> steps = java.util.Collections.synchronizedList(new ArrayList<>());

        assertThatThrownBy(() -> projection.applyBatch(
                        batch,
                        message -> {
                            steps.add("prepare");
                            if (message.getPayload().equals("r0-1")) {
                                throw new IllegalStateException("does not verify");
                            }
                            return message.getPayload().toUpperCase(java.util.Locale.ROOT);
                        },
                        (message, upper) -> {
                            steps.add("apply " + upper);
                            effect(message);
                        }))
                .isInstanceOfSatisfying(SharedProjection.BatchRecordFailed.class, failed -> {
                    assertThat(failed.index()).isEqualTo(2);
                    assertThat(failed.getCause()).hasMessage("does not verify");
                });

        // Prepared once each; applied in order up to the failing record, then the records before it again alone.
        assertThat(steps)
                .containsExactly(
                        "prepare",
                        "prepare",
                        "prepare",
                        "prepare",
                        "apply R0-0",
                        "apply R1-0",
                        "apply R0-0",
                        "apply R1-0");
        assertThat(effects()).containsExactly("r0-0", "r1-0");
        assertThat(projection.positions()).containsOnly(Map.entry(P0, 1L), Map.entry(P1, 1L));
        // The whole poll again: what was applied is skipped, whatever its preparation says.
        assertThat(projection.applyBatch(
                        batch.subList(0, 2),
                        message -> {
                            throw new IllegalStateException("not looked at");
                        },
                        (message, nothing) -> effect(message)))
                .isZero();
    }

    @Test
    void onAssignmentEachPartitionResumesWhereTheProjectionStandsOrFromItsStart() {
        SharedProjection projection = projection();
        projection.apply(record(0, 4), () -> {});
        MockConsumer<String, Object> consumer = consumer(Map.of(P0, 9L, P1, 6L));
        consumer.rebalance(List.of(P0, P1));

        projection.onPartitionsAssigned("servePublished-in-0", consumer, List.of(P0, P1), true);

        assertThat(consumer.position(P0)).isEqualTo(5L);
        assertThat(consumer.position(P1)).isEqualTo(0L);
    }

    @Test
    void readyOnceTheSharedPositionsReachWhereTheLogEndedWhenThisInstanceJoinedWhoeverAppliedThem() {
        SharedProjection holder = projection();
        SharedProjection idle = projection();
        MockConsumer<String, Object> holding = consumer(Map.of(P0, 2L, P1, 3L));
        holding.rebalance(List.of(P0, P1));
        MockConsumer<String, Object> holdingNothing = consumer(Map.of(P0, 2L, P1, 3L));
        holdingNothing.rebalance(List.of());
        holder.onPartitionsAssigned("b", holding, List.of(P0, P1), true);
        idle.onPartitionsAssigned("b", holdingNothing, List.of(), true);
        assertThat(idle.isCaughtUp()).isFalse();
        assertThat(idle.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

        holder.apply(record(0, 0), () -> {});
        holder.apply(record(0, 1), () -> {});
        holder.apply(record(1, 0), () -> {});
        holder.apply(record(1, 1), () -> {});
        assertThat(idle.isCaughtUp())
                .as("offset 2 of partition 1 is a commit marker, not yet passed")
                .isFalse();

        // The holder's container goes idle at the end of the log, past the marker.
        holding.seek(P1, 3L);
        holder.onApplicationEvent(
                new ListenerContainerIdleEvent(this, this, 500, "b", List.of(P0, P1), holding, false));

        assertThat(idle.isCaughtUp()).isTrue();
        assertThat(idle.health().getStatus()).isEqualTo(Status.UP);
        assertThat(holder.isCaughtUp()).isTrue();
    }

    @Test
    void aRevocationDoesNotTakeAReadyInstanceOutOfServiceAndAPartitionBackResumesWhereTheOthersLeftIt() {
        SharedProjection projection = projection();
        MockConsumer<String, Object> consumer = consumer(Map.of(P0, 0L, P1, 0L));
        consumer.rebalance(List.of(P0, P1));
        projection.onPartitionsAssigned("b", consumer, List.of(P0, P1), true);
        assertThat(projection.isCaughtUp()).isTrue();

        // A second instance joins and takes partition 1; then it applies records there and leaves again.
        projection.onPartitionsRevokedBeforeCommit("b", consumer, List.of(P1));
        consumer.rebalance(List.of(P0));
        assertThat(projection.isCaughtUp())
                .as("answers come from the shared database")
                .isTrue();
        SharedProjection other = projection();
        other.apply(record(1, 0), () -> {});
        other.apply(record(1, 1), () -> {});
        consumer.rebalance(List.of(P0, P1));
        projection.onPartitionsAssigned("b", consumer, List.of(P1), false);

        assertThat(projection.isCaughtUp()).isTrue();
        assertThat(consumer.position(P1))
                .as("where the other instance left the shared projection")
                .isEqualTo(2L);
    }

    @Test
    void anEmptyLogIsCaughtUpAtOnceAndAPartitionOfAnotherBindingIsNotTouched() {
        SharedProjection projection = projection();
        MockConsumer<String, Object> consumer = consumer(Map.of(P0, 0L, P1, 0L));
        consumer.rebalance(List.of(P0, P1));

        projection.onPartitionsAssigned("b", consumer, List.of(P0, P1), true);
        TopicPartition other = new TopicPartition("article.rendered", 0);
        projection.onApplicationEvent(
                new ListenerContainerIdleEvent(this, this, 500, "b", List.of(other), consumer, false));

        assertThat(projection.isCaughtUp()).isTrue();
        assertThat(projection.positions()).doesNotContainKey(other);
    }

    @Test
    void twoBindingsOnOneTopicEachMoveOnlyTheirOwnProjection() {
        SharedProjection pages = new SharedProjection(
                "pages", "pages-in-0", List.of(TOPIC), jdbc, transactions, ObservationRegistry.NOOP);
        SharedProjection hooks = new SharedProjection(
                "hooks", "hooks-in-0", List.of(TOPIC), jdbc, transactions, ObservationRegistry.NOOP);
        pages.apply(record(0, 6), () -> {});
        MockConsumer<String, Object> pagesConsumer = consumerOfGroup("pages-group", Map.of(P0, 9L, P1, 6L));
        MockConsumer<String, Object> hooksConsumer = consumerOfGroup("hooks-group", Map.of(P0, 9L, P1, 6L));
        pagesConsumer.rebalance(List.of(P0, P1));
        hooksConsumer.rebalance(List.of(P0, P1));

        // The binder hands every assignment to the one listener, which hands it to both projections.
        for (SharedProjection projection : List.of(pages, hooks)) {
            projection.onPartitionsAssigned("pages-in-0", pagesConsumer, List.of(P0, P1), true);
            projection.onPartitionsAssigned("hooks-in-0", hooksConsumer, List.of(P0, P1), true);
        }
        assertThat(pagesConsumer.position(P0)).isEqualTo(7L);
        assertThat(hooksConsumer.position(P0))
                .as("the pages' position is not the webhooks'")
                .isZero();

        // The pages' container goes idle at the end of the log: the webhooks' position does not move with it.
        pagesConsumer.seek(P0, 9L);
        pagesConsumer.seek(P1, 6L);
        ListenerContainerIdleEvent pagesIdle =
                new ListenerContainerIdleEvent(this, this, 500, "pages", List.of(P0, P1), pagesConsumer, false);
        pages.onApplicationEvent(pagesIdle);
        hooks.onApplicationEvent(pagesIdle);

        assertThat(pages.positions()).containsEntry(P0, 9L).containsEntry(P1, 6L);
        assertThat(hooks.positions()).isEmpty();
    }

    private static MockConsumer<String, Object> consumerOfGroup(String group, Map<TopicPartition, Long> ends) {
        MockConsumer<String, Object> consumer = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name()) {
            @Override
            public synchronized org.apache.kafka.clients.consumer.ConsumerGroupMetadata groupMetadata() {
                return new org.apache.kafka.clients.consumer.ConsumerGroupMetadata(group);
            }
        };
        List<PartitionInfo> partitions = new ArrayList<>();
        ends.keySet()
                .forEach(partition -> partitions.add(
                        new PartitionInfo(TOPIC, partition.partition(), Node.noNode(), new Node[0], new Node[0])));
        consumer.updatePartitions(TOPIC, partitions);
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        consumer.updateEndOffsets(ends);
        consumer.subscribe(List.of(TOPIC));
        return consumer;
    }

    private static MockConsumer<String, Object> consumer(Map<TopicPartition, Long> ends) {
        MockConsumer<String, Object> consumer = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());
        List<PartitionInfo> partitions = new ArrayList<>();
        ends.keySet()
                .forEach(partition -> partitions.add(
                        new PartitionInfo(TOPIC, partition.partition(), Node.noNode(), new Node[0], new Node[0])));
        consumer.updatePartitions(TOPIC, partitions);
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        consumer.updateEndOffsets(ends);
        consumer.subscribe(List.of(TOPIC));
        return consumer;
    }
}
