package org.vetted.support.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.listener.RecordInterceptor;
import org.vetted.support.projection.ProjectionReadiness;

/**
 * Replays a projection's topics from their start and tells whether the projection is current with the log, following
 * partition assignment both ways. The first time this instance holds a partition it reads it from offset 0 (the
 * projection is in memory and rebuilt at every start; the binder's {@code reset-offsets} cannot be combined with a
 * rebalance listener, so the seek is here). A service whose answers rest on replayed state (intake's article registry, review's board,
 * distribution's pages) must not answer before that: a half-replayed board could show a rejected or superseded
 * revision as open.
 * <p>
 * Ready while this instance holds every partition of {@code topics} and has read each up to where the log ended
 * (last stable offset, as the consumer reads read_committed) when it was assigned the partition, counted per record
 * processed, or seen at its end on an idle poll. Every partition is required
 * because the projection is of the whole log: a second instance in the same group gets only a share and stays out
 * of service. A partition revoked in a rebalance makes the instance out of service at once, since it no longer
 * sees that partition's events; when the partition comes back, the instance is ready again only if nobody consumed
 * it meanwhile (the group's committed offset is where it was when this instance let it go). Otherwise the events it missed are
 * not in its state, and it stays out of service until restarted to rebuild.
 * <p>
 * Needs the binding's {@code spring.cloud.stream.kafka.bindings.<binding>.consumer.idle-event-interval} set, so the
 * container publishes idle events. The callbacks run on the consumer thread, where the consumer may be used. A service has one such bean: the binder calls the
 * unique {@link KafkaBindingRebalanceListener} for every binding, and this one ignores other topics.
 */
public class ReplayReadiness implements ProjectionReadiness,
        ApplicationListener<ListenerContainerIdleEvent>, HealthIndicator, KafkaBindingRebalanceListener {
    private static final Logger log = LoggerFactory.getLogger(ReplayReadiness.class);

    private static final long UNKNOWN = Long.MIN_VALUE;

    private final Set<String> topics;
    private final Set<TopicPartition> held = ConcurrentHashMap.newKeySet();
    /** Every partition this instance has held since it started: one it never held is replayed from its start. */
    private final Set<TopicPartition> everHeld = ConcurrentHashMap.newKeySet();
    /** Partitions read up to their target since they were last assigned. */
    private final Set<TopicPartition> done = ConcurrentHashMap.newKeySet();
    /** Per partition, the end of the log (last stable offset) when this instance was assigned it. */
    private final Map<TopicPartition, Long> targets = new ConcurrentHashMap<>();
    /** Where this instance stopped reading a partition it lost: to tell, when it returns, whether others read on. */
    private final Map<TopicPartition, Long> leftAt = new ConcurrentHashMap<>();
    /** Partitions whose events were partly consumed by another instance: this projection lacks them. */
    private final Set<TopicPartition> missed = ConcurrentHashMap.newKeySet();
    private volatile Set<TopicPartition> all;
    private volatile boolean ready;

    public ReplayReadiness(Collection<String> topics) {
        this.topics = Set.copyOf(topics);
    }

    @Override
    public boolean isCaughtUp() {
        return ready;
    }

    @Override
    public void onPartitionsAssigned(String bindingName, Consumer<?, ?> consumer,
            Collection<TopicPartition> partitions, boolean initial) {
        List<TopicPartition> firstTime = new ArrayList<>();
        for (TopicPartition partition : ours(partitions)) {
            if (everHeld.add(partition)) {
                firstTime.add(partition);
            }
            if (leftAt.containsKey(partition)) {
                long left = leftAt.remove(partition);
                long resumesAt = committedOffset(consumer, partition);
                if (resumesAt != left || left == UNKNOWN) {
                    missed.add(partition);
                    log.warn("{} came back at offset {} after this instance left it at {}: another instance "
                            + "consumed it meanwhile, so this projection lacks those events; restart to rebuild",
                            partition, resumesAt, left);
                }
            }
            done.remove(partition);
            held.add(partition);
        }
        if (!firstTime.isEmpty()) {
            consumer.seekToBeginning(firstTime);
        }
        // Caught up means read to where the log ended when the partition came: a fixed target, reached under
        // continuous traffic too (an idle poll may not come for minutes under load).
        Collection<TopicPartition> assigned = ours(partitions);
        if (!assigned.isEmpty()) {
            learnPartitions(consumer);
            targets.putAll(consumer.endOffsets(assigned));
            for (TopicPartition partition : assigned) {
                if (consumer.position(partition) >= targets.get(partition)) {
                    done.add(partition);
                }
            }
        }
        update();
    }

    /**
     * For the listener container of the projection's binding: counts each record processed towards its partition's
     * target ({@link DeadLetterAutoConfiguration} installs it).
     */
    public RecordInterceptor<Object, Object> progress() {
        return new RecordInterceptor<>() {
            @Override
            public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
                    Consumer<Object, Object> consumer) {
                return record;
            }

            @Override
            public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
                processed(new TopicPartition(record.topic(), record.partition()), record.offset());
            }
        };
    }

    /** Whether this readiness follows {@code topic}. */
    public boolean follows(String topic) {
        return topics.contains(topic);
    }

    void processed(TopicPartition partition, long offset) {
        Long target = targets.get(partition);
        if (!ready && target != null && offset + 1 >= target && held.contains(partition) && done.add(partition)) {
            update();
        }
    }

    @Override
    public void onPartitionsRevokedBeforeCommit(String bindingName, Consumer<?, ?> consumer,
            Collection<TopicPartition> partitions) {
        for (TopicPartition partition : ours(partitions)) {
            held.remove(partition);
            done.remove(partition);
            leftAt.put(partition, committedOffset(consumer, partition));
        }
        update();
    }

    @Override
    public void onApplicationEvent(ListenerContainerIdleEvent event) {
        Collection<TopicPartition> assigned = event.getTopicPartitions();
        if (assigned == null || assigned.isEmpty()
                || !assigned.stream().map(TopicPartition::topic).allMatch(topics::contains)) {
            return;
        }
        Consumer<?, ?> consumer = event.getConsumer();
        learnPartitions(consumer);
        // An idle event names what its container holds now; a rebalance listener is told first where there is one.
        held.addAll(assigned);
        // Partitions whose last records were dead-lettered, or whose target lay beyond transaction markers, are seen
        // at their end on an idle poll.
        Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
        for (TopicPartition partition : assigned) {
            if (held.contains(partition) && consumer.position(partition) >= end.getOrDefault(partition, 0L)) {
                done.add(partition);
            }
        }
        update();
    }

    /** Every partition of the topics, once: partitions are never added (the binder's auto-add-partitions is off). */
    private void learnPartitions(Consumer<?, ?> consumer) {
        if (all == null) {
            all = topics.stream()
                    .flatMap(topic -> consumer.partitionsFor(topic).stream()
                            .map(info -> new TopicPartition(topic, info.partition())))
                    .collect(Collectors.toUnmodifiableSet());
        }
    }

    private void update() {
        boolean now = all != null && missed.isEmpty() && held.containsAll(all) && done.containsAll(all);
        if (now != ready) {
            ready = now;
            if (now) {
                log.info("Replay of {} caught up ({} partitions); accepting requests", topics, all.size());
            } else {
                log.warn("Projection of {} is no longer current ({}); refusing requests", topics, state());
            }
        }
    }

    private String state() {
        if (!missed.isEmpty()) {
            return "missed events on " + new TreeSet<>(missed.stream().map(TopicPartition::toString).toList())
                    + " while another instance held them: restart to rebuild";
        }
        if (all != null && !held.containsAll(all)) {
            return "holds " + held.size() + " of " + all.size() + " partitions";
        }
        return "rebuilding state from " + topics;
    }

    private Collection<TopicPartition> ours(Collection<TopicPartition> partitions) {
        return partitions.stream().filter(partition -> topics.contains(partition.topic())).toList();
    }

    /**
     * The group's committed offset, which moves only when some instance's transaction commits: compared before and
     * after a partition is away, it tells whether anyone processed records meanwhile. (The position cannot be used:
     * it also steps over transaction markers.) -1 when nothing was committed; {@link #UNKNOWN} when it cannot be
     * read, which counts as missed: the safe side.
     */
    private static long committedOffset(Consumer<?, ?> consumer, TopicPartition partition) {
        try {
            OffsetAndMetadata committed = consumer.committed(Set.of(partition)).get(partition);
            return committed == null ? -1L : committed.offset();
        } catch (RuntimeException unknown) {
            return UNKNOWN;
        }
    }

    @Override
    public Health health() {
        return ready
                ? Health.up().withDetail("replay", "caught up").build()
                : Health.outOfService().withDetail("replay", state()).build();
    }
}
