package org.vetted.support.projection;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;
import org.springframework.context.ApplicationListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.vetted.support.batch.Preparation;
import org.vetted.support.observability.RecordObservations;

/**
 * A projection kept in a database that every instance of a service shares, fed by one consumer binding. With the
 * projection the database holds where it stands in each partition ({@code projection_position}, the next offset to
 * apply): a record's effect and the new position commit in one database transaction, so each record counts once
 * whichever instance reads it, and on assignment the consumer seeks to the stored position. The group's committed
 * offsets play no part for this binding: an emptied database is rebuilt from offset 0, since every log is kept
 * forever. A restart therefore reads only what was written while it was down, however long the history.
 * <p>
 * Ready once the database has reached, in every partition of the topics, where the log ended (last stable offset)
 * when this instance first joined the group, whichever instance applied it; then ready for good. Answers come from
 * the shared database, so they do not depend on which partitions this instance holds: a rebalance or a rolling
 * restart of another instance does not take this one out of service.
 * <p>
 * Needs the binding's {@code idle-event-interval}: a partition whose last records were dead-lettered or are
 * followed by a transaction marker is moved to the consumer's position on an idle poll, which nothing else would do.
 * The binder calls the one {@link KafkaBindingRebalanceListener} of a service for every binding; this one ignores
 * other topics.
 */
public class SharedProjection
        implements ProjectionReadiness,
                KafkaBindingRebalanceListener,
                ApplicationListener<ListenerContainerIdleEvent>,
                HealthIndicator {
    private static final Logger log = LoggerFactory.getLogger(SharedProjection.class);
    /** How often, at most, readiness asks the database while not ready yet (pages ask on every request). */
    private static final Duration CHECK_INTERVAL = Duration.ofMillis(250);

    private final String name;
    /**
     * The binding that feeds it, or null for any binding reading its topics: set when two bindings of a service (two
     * consumer groups) read one topic, whose assignments and idle polls are each their own projection's.
     */
    private final String binding;
    /** The consumer group of {@link #binding}, learnt on its first assignment, to tell its idle polls apart. */
    private volatile String group;

    private final Set<String> topics;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final RecordObservations observations;
    private final long checkIntervalNanos;
    /** Where the log ended in every partition when this instance first joined: the mark for being ready. */
    private volatile Map<TopicPartition, Long> targets;

    private volatile boolean ready;
    private volatile long checkedAt;
    private volatile String state = "waiting for the first partition assignment";

    /**
     * @param name         the projection's name in {@code projection_position}; instances of one service share it
     * @param topics       the topics of the binding that feeds it
     * @param transactions over the projection's data source
     * @param observations the service's registry: each record's steps run in an observation of that record
     */
    public SharedProjection(
            String name,
            Collection<String> topics,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            ObservationRegistry observations) {
        this(name, null, topics, jdbc, transactions, observations, CHECK_INTERVAL);
    }

    /**
     * A projection fed by one binding only: for a service where another binding (another consumer group) reads the
     * same topic. Assignments of other bindings, and idle polls of other groups, are left to their own projections.
     */
    public SharedProjection(
            String name,
            String binding,
            Collection<String> topics,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            ObservationRegistry observations) {
        this(name, binding, topics, jdbc, transactions, observations, CHECK_INTERVAL);
    }

    SharedProjection(
            String name,
            String binding,
            Collection<String> topics,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            ObservationRegistry observations,
            Duration checkInterval) {
        this.name = name;
        this.binding = binding;
        this.topics = Set.copyOf(topics);
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.observations = new RecordObservations(observations);
        this.checkIntervalNanos = checkInterval.toNanos();
        this.checkedAt = System.nanoTime() - checkIntervalNanos;
    }

    /**
     * Runs {@code work} (the record's effect on the projection, through the same data source) and stores the new
     * position, in one transaction. A record at an offset already applied is skipped: another instance, or this one
     * before a crash, applied it. Without Kafka headers (the test binder) the work runs alone in a transaction.
     *
     * @return false when the record had been applied before
     * @throws StoreUnavailableException when the database fails: the consumer retries the record
     */
    public boolean apply(Message<?> message, Runnable work) {
        String topic = message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC, String.class);
        Integer partition = message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION, Integer.class);
        Long offset = message.getHeaders().get(KafkaHeaders.OFFSET, Long.class);
        return inTransaction(() -> {
            if (topic == null || partition == null || offset == null) {
                observations.observe(message, work);
                return true;
            }
            jdbc.update(
                    "insert into projection_position (projection, topic, partition_no, next_offset) "
                            + "values (?, ?, ?, 0) on conflict do nothing",
                    name,
                    topic,
                    partition);
            // The row lock orders two instances that both hold the partition for a moment during a rebalance.
            long next = jdbc.queryForObject(
                    "select next_offset from projection_position where projection = ? "
                            + "and topic = ? and partition_no = ? for update",
                    Long.class,
                    name,
                    topic,
                    partition);
            if (offset < next) {
                return false;
            }
            observations.observe(message, work);
            jdbc.update(
                    "update projection_position set next_offset = ? where projection = ? and topic = ? "
                            + "and partition_no = ?",
                    offset + 1,
                    name,
                    topic,
                    partition);
            return true;
        });
    }

    /**
     * Applies a batch of records (what one poll returned) in one database transaction: each partition's position is
     * locked and read once, every record not applied before gets {@code work} in order, and the positions move once,
     * with JDBC batches where {@code work} uses them. Either the whole batch commits or nothing of it does, so a
     * batch applied twice (a redelivery, another instance after a rebalance) changes nothing the second time. A
     * record whose work throws fails the batch: the records before it are then applied again on their own (they
     * succeeded), and a {@link BatchRecordFailed} names the failing one, so the consumer's error handling deals with
     * that record alone (dead-letters a poison record, retries a store failure) and redelivers the rest. Each
     * record's work runs in the record's observation ({@link RecordObservations}: the trace of its
     * {@code traceparent}).
     *
     * @return how many records were applied (not applied before)
     * @throws StoreUnavailableException when the database fails on the batch's own statements
     * @throws BatchRecordFailed when the work of one record throws
     */
    public <M> int applyBatch(List<Message<M>> messages, java.util.function.Consumer<Message<M>> work) {
        return applyBatch(messages, batch -> {}, work);
    }

    /**
     * {@link #applyBatch(List, java.util.function.Consumer)} with {@code first} run in the batch's transaction once
     * the positions are locked and before any record's work, with the records of that transaction: to take the
     * locks the batch's work will need in one fixed order (a projection whose rows other writers also lock). A
     * {@link DataAccessException} from it fails the batch as the database's fault.
     */
    public <M> int applyBatch(
            List<Message<M>> messages,
            java.util.function.Consumer<List<Message<M>>> first,
            java.util.function.Consumer<Message<M>> work) {
        return applyBatch(messages, first, null, (message, nothing) -> work.accept(message));
    }

    /**
     * {@link #applyBatch(List, java.util.function.Consumer)} with each record first prepared alone ({@code prepare}:
     * what needs nothing but the record, such as decoding it and checking its signature; thread-safe, and touching
     * no database), for every record of the batch in parallel and before the transaction opens; then {@code work}
     * applies the prepared records in order in the transaction. A record whose preparation threw fails the batch at
     * its turn, as if its work had thrown (a record applied before is skipped, its preparation unused). Both steps
     * run in the record's observation.
     */
    public <M, P> int applyBatch(
            List<Message<M>> messages, Function<Message<M>, P> prepare, BiConsumer<Message<M>, P> work) {
        return applyBatch(messages, batch -> {}, prepare, work);
    }

    private <M, P> int applyBatch(
            List<Message<M>> messages,
            java.util.function.Consumer<List<Message<M>>> first,
            Function<Message<M>, P> prepare,
            BiConsumer<Message<M>, P> work) {
        List<Observation> observed = messages.stream().map(observations::start).toList();
        try {
            List<Preparation.Prepared<P>> prepared = prepare == null
                    ? java.util.Collections.nCopies(messages.size(), new Preparation.Prepared<P>(null, null))
                    : Preparation.inParallel(
                            messages.size(), i -> observed.get(i).scoped(() -> prepare.apply(messages.get(i))));
            List<Batched<M, P>> batch = new ArrayList<>(messages.size());
            for (int i = 0; i < messages.size(); i++) {
                batch.add(new Batched<>(messages.get(i), prepared.get(i), observed.get(i)));
            }
            try {
                return applyAll(batch, first, work);
            } catch (BatchRecordFailed failed) {
                if (failed.index() > 0) {
                    applyAll(batch.subList(0, failed.index()), first, work);
                }
                throw failed;
            }
        } finally {
            observed.forEach(Observation::stop);
        }
    }

    /** A record of a batch, its preparation's outcome, and its observation (started; stopped with the batch). */
    private record Batched<M, P>(Message<M> message, Preparation.Prepared<P> prepared, Observation observation) {}

    private <M, P> int applyAll(
            List<Batched<M, P>> batch,
            java.util.function.Consumer<List<Message<M>>> first,
            BiConsumer<Message<M>, P> work) {
        List<Message<M>> messages = batch.stream().map(Batched::message).toList();
        Integer applied = inTransactionOf(() -> {
            Map<TopicPartition, Long> next = new HashMap<>();
            for (Message<M> message : messages) {
                TopicPartition partition = partitionOf(message);
                if (partition != null && !next.containsKey(partition)) {
                    next.put(partition, lockPosition(partition));
                }
            }
            first.accept(messages);
            Map<TopicPartition, Long> moved = new HashMap<>();
            int count = 0;
            for (int i = 0; i < batch.size(); i++) {
                Batched<M, P> record = batch.get(i);
                Message<M> message = record.message();
                TopicPartition partition = partitionOf(message);
                Long offset = message.getHeaders().get(KafkaHeaders.OFFSET, Long.class);
                if (partition != null && offset < next.get(partition)) {
                    continue;
                }
                try {
                    record.observation()
                            .scoped(() -> work.accept(message, record.prepared().get()));
                } catch (DataAccessException e) {
                    // The database, not the record: the whole batch fails as a StoreUnavailableException.
                    throw e;
                } catch (RuntimeException e) {
                    throw new BatchRecordFailed(i, e);
                }
                count++;
                if (partition != null) {
                    next.put(partition, offset + 1);
                    moved.put(partition, offset + 1);
                }
            }
            if (!moved.isEmpty()) {
                List<Object[]> updates = moved.entrySet().stream()
                        .map(entry -> new Object[] {
                            entry.getValue(),
                            name,
                            entry.getKey().topic(),
                            entry.getKey().partition()
                        })
                        .toList();
                jdbc.batchUpdate(
                        "update projection_position set next_offset = ? where projection = ? and topic = ? "
                                + "and partition_no = ?",
                        updates);
            }
            return count;
        });
        return applied == null ? 0 : applied;
    }

    /** The record's partition, or null without Kafka headers (the test binder). */
    private static TopicPartition partitionOf(Message<?> message) {
        String topic = message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC, String.class);
        Integer partition = message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION, Integer.class);
        Long offset = message.getHeaders().get(KafkaHeaders.OFFSET, Long.class);
        return topic == null || partition == null || offset == null ? null : new TopicPartition(topic, partition);
    }

    /** Creates the partition's position if missing and locks it for this transaction; answers the next offset. */
    private long lockPosition(TopicPartition partition) {
        jdbc.update(
                "insert into projection_position (projection, topic, partition_no, next_offset) "
                        + "values (?, ?, ?, 0) on conflict do nothing",
                name,
                partition.topic(),
                partition.partition());
        // The row lock orders two instances that both hold the partition for a moment during a rebalance.
        return jdbc.queryForObject(
                "select next_offset from projection_position where projection = ? "
                        + "and topic = ? and partition_no = ? for update",
                Long.class,
                name,
                partition.topic(),
                partition.partition());
    }

    private <T> T inTransactionOf(Supplier<T> work) {
        try {
            return transactions.execute(status -> work.get());
        } catch (DataAccessException | TransactionException e) {
            throw new StoreUnavailableException("projection " + name + ": the database did not take the batch", e);
        }
    }

    /**
     * The work of one record of a batch threw: nothing of the batch after it was applied. {@link #index} is the
     * record's place in the batch (Spring Kafka's {@code BatchListenerFailedException} takes it), the cause what
     * the work threw.
     */
    public static final class BatchRecordFailed extends RuntimeException {
        private final int index;

        BatchRecordFailed(int index, RuntimeException cause) {
            super("record " + index + " of the batch failed: " + cause.getMessage(), cause, false, false);
            this.index = index;
        }

        public int index() {
            return index;
        }
    }

    private boolean inTransaction(Supplier<Boolean> work) {
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> work.get()));
        } catch (DataAccessException | TransactionException e) {
            throw new StoreUnavailableException("projection " + name + ": the database did not take the record", e);
        }
    }

    /** Where the projection stands in each partition it has applied records of. */
    public Map<TopicPartition, Long> positions() {
        Map<TopicPartition, Long> positions = new HashMap<>();
        jdbc.query(
                "select topic, partition_no, next_offset from projection_position where projection = ?",
                row -> {
                    positions.put(new TopicPartition(row.getString(1), row.getInt(2)), row.getLong(3));
                },
                name);
        return positions;
    }

    @Override
    public void onPartitionsAssigned(
            String bindingName, Consumer<?, ?> consumer, Collection<TopicPartition> partitions, boolean initial) {
        if (binding != null) {
            if (!binding.equals(bindingName)) {
                return;
            }
            group = consumer.groupMetadata().groupId();
        }
        if (targets == null && consumer.subscription().stream().anyMatch(topics::contains)) {
            List<TopicPartition> all = topics.stream()
                    .flatMap(topic -> consumer.partitionsFor(topic).stream()
                            .map(info -> new TopicPartition(topic, info.partition())))
                    .toList();
            targets = Map.copyOf(consumer.endOffsets(all));
            state = "catching up to "
                    + targets.values().stream().mapToLong(Long::longValue).sum() + " records";
        }
        List<TopicPartition> ours =
                partitions.stream().filter(p -> topics.contains(p.topic())).toList();
        if (ours.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> stored = positions();
        Map<TopicPartition, Long> ends = consumer.endOffsets(ours);
        List<TopicPartition> fromStart = new ArrayList<>();
        for (TopicPartition partition : ours) {
            Long next = stored.get(partition);
            if (next == null) {
                fromStart.add(partition);
                continue;
            }
            if (next > ends.getOrDefault(partition, 0L)) {
                log.error(
                        "Projection {} stands at offset {} of {}, beyond the end of the log ({}): the log was "
                                + "replaced or truncated, so the projection holds what it no longer has. Empty the "
                                + "projection's database to rebuild it.",
                        name,
                        next,
                        partition,
                        ends.get(partition));
            }
            consumer.seek(partition, next);
        }
        if (!fromStart.isEmpty()) {
            consumer.seekToBeginning(fromStart);
        }
        log.info("Projection {}: reading {} from the positions stored with it", name, ours);
    }

    /**
     * On an idle poll every record fetched has been processed: the consumer's position is where the projection
     * stands, including records dead-lettered or skipped and transaction markers, none of which {@link #apply} saw.
     */
    @Override
    public void onApplicationEvent(ListenerContainerIdleEvent event) {
        Collection<TopicPartition> assigned = event.getTopicPartitions();
        if (assigned == null
                || assigned.isEmpty()
                || !assigned.stream().map(TopicPartition::topic).allMatch(topics::contains)) {
            return;
        }
        Consumer<?, ?> consumer = event.getConsumer();
        if (binding != null
                && (group == null || !group.equals(consumer.groupMetadata().groupId()))) {
            return;
        }
        try {
            for (TopicPartition partition : assigned) {
                jdbc.update(
                        "insert into projection_position (projection, topic, partition_no, next_offset) "
                                + "values (?, ?, ?, ?) on conflict (projection, topic, partition_no) do update set "
                                + "next_offset = greatest(projection_position.next_offset, excluded.next_offset)",
                        name,
                        partition.topic(),
                        partition.partition(),
                        consumer.position(partition));
            }
        } catch (DataAccessException e) {
            log.warn(
                    "Projection {}: could not store the positions of {} on an idle poll: {}",
                    name,
                    assigned,
                    e.getMessage());
        }
    }

    @Override
    public boolean isCaughtUp() {
        if (ready) {
            return true;
        }
        Map<TopicPartition, Long> marks = targets;
        long now = System.nanoTime();
        if (marks == null || now - checkedAt < checkIntervalNanos) {
            return false;
        }
        checkedAt = now;
        try {
            Map<TopicPartition, Long> positions = positions();
            Map<TopicPartition, Long> behind = marks.entrySet().stream()
                    .filter(mark -> positions.getOrDefault(mark.getKey(), 0L) < mark.getValue())
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, mark -> mark.getValue() - positions.getOrDefault(mark.getKey(), 0L)));
            if (behind.isEmpty()) {
                ready = true;
                state = "caught up";
                log.info(
                        "Projection {} caught up with {} ({} partitions); accepting requests",
                        name,
                        topics,
                        marks.size());
                return true;
            }
            state = behind.values().stream().mapToLong(Long::longValue).sum() + " records behind in " + behind.size()
                    + " of " + marks.size() + " partitions";
        } catch (DataAccessException e) {
            state = "database unreachable: " + e.getMostSpecificCause().getMessage();
        }
        return false;
    }

    @Override
    public Health health() {
        return isCaughtUp()
                ? Health.up().withDetail("projection", "caught up").build()
                : Health.outOfService().withDetail("projection", state).build();
    }
}
