package org.vetted.support.kafka;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.event.ListenerContainerIdleEvent;

/**
 * Tells whether a projection rebuilt from Kafka at start has caught up with the log. A service whose answers rest
 * on replayed state (intake's article registry, review's board) must not accept writes before that: a half-replayed
 * board could show a rejected or superseded revision as open. Out of service (HTTP 503 on /actuator/health) until
 * every partition of {@code topics} has been seen at its end (last stable offset, as the consumer reads
 * read_committed) on an idle poll of the container holding it (the binder runs one container per destination);
 * from then on ready for the life of the process. Every partition is required because the projection must see the
 * whole log: a second instance in the same group (a rolling update) gets only a share and stays out of service
 * until it holds and has read them all. Idle events need a
 * pause in traffic (the idle interval); under uninterrupted traffic readiness waits for the first pause.
 * <p>
 * Needs the binding's {@code spring.cloud.stream.kafka.bindings.<binding>.consumer.idle-event-interval} set, so the
 * container publishes idle events. The check runs on the consumer thread, where the consumer may be used.
 */
public class ReplayReadiness implements ApplicationListener<ListenerContainerIdleEvent>, HealthIndicator {
    private static final Logger log = LoggerFactory.getLogger(ReplayReadiness.class);

    private final Set<String> topics;
    /** Partitions read to their end on some idle poll; the binder runs one container per destination. */
    private final Set<TopicPartition> done = ConcurrentHashMap.newKeySet();
    private volatile Set<TopicPartition> all;
    private volatile boolean caughtUp;

    public ReplayReadiness(Collection<String> topics) {
        this.topics = Set.copyOf(topics);
    }

    public boolean isCaughtUp() {
        return caughtUp;
    }

    @Override
    public void onApplicationEvent(ListenerContainerIdleEvent event) {
        Collection<TopicPartition> assigned = event.getTopicPartitions();
        if (caughtUp || assigned == null || assigned.isEmpty()
                || !assigned.stream().map(TopicPartition::topic).allMatch(topics::contains)) {
            return;
        }
        Consumer<?, ?> consumer = event.getConsumer();
        if (all == null) {
            all = topics.stream()
                    .flatMap(topic -> consumer.partitionsFor(topic).stream()
                            .map(info -> new TopicPartition(topic, info.partition())))
                    .collect(Collectors.toUnmodifiableSet());
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
        for (TopicPartition partition : assigned) {
            if (consumer.position(partition) >= end.getOrDefault(partition, 0L)) {
                done.add(partition);
            }
        }
        if (done.containsAll(all)) {
            caughtUp = true;
            log.info("Replay of {} caught up ({} partitions); accepting requests", topics, all.size());
        }
    }

    @Override
    public Health health() {
        return caughtUp
                ? Health.up().withDetail("replay", "caught up").build()
                : Health.outOfService().withDetail("replay", "rebuilding state from " + topics).build();
    }
}
