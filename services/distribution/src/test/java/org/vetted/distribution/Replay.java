package org.vetted.distribution;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.vetted.contract.Topics;
import org.vetted.support.projection.SharedProjection;
import org.vetted.support.projection.TestProjections;

/**
 * The test binder has no Kafka container, so no idle event ever says the replay of article.published is over.
 * This publishes the one a caught-up servePublished container would: a consumer that knows every partition of the
 * topic (ReplayReadiness asks {@code partitionsFor}), holds the given ones and is positioned at their end.
 */
public final class Replay {
    /** Partitions of article.published in these tests, as created with the default KAFKA_PARTITIONS. */
    public static final int PARTITIONS = 3;
    private static final Map<Integer, Long> END_OFFSETS = Map.of(0, 4L, 1, 0L, 2, 9L);

    /** The servePublished container holds every partition, each read to its end. */
    public static void markCaughtUp(ApplicationEventPublisher context) {
        publishIdle(context, IntStream.range(0, PARTITIONS).boxed().toList());
    }

    /**
     * The container of one of several instances: it holds only the given partitions (each read to its end), as a
     * second instance of the group would. ReplayReadiness must not call that caught up.
     */
    public static void markCaughtUpHolding(ApplicationEventPublisher context, List<Integer> held) {
        publishIdle(context, held);
    }

    /**
     * The pages' projection as a new instance sees it when the topic is empty: joined the group, nothing to catch up
     * with. (The test binder has no Kafka consumer to tell it.)
     */
    public static void markCaughtUp(SharedProjection projection) {
        TestProjections.markCaughtUp(projection, "servePublished-in-0", List.of(Topics.PUBLISHED), PARTITIONS);
    }

    private static void publishIdle(ApplicationEventPublisher context, List<Integer> held) {
        MockConsumer<String, Object> consumer = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());
        consumer.updatePartitions(Topics.PUBLISHED, IntStream.range(0, PARTITIONS)
                .mapToObj(partition -> new PartitionInfo(Topics.PUBLISHED, partition, Node.noNode(), new Node[0],
                        new Node[0]))
                .toList());
        Map<TopicPartition, Long> ends = END_OFFSETS.entrySet().stream().collect(Collectors.toMap(
                entry -> new TopicPartition(Topics.PUBLISHED, entry.getKey()), Map.Entry::getValue));
        consumer.updateBeginningOffsets(ends.keySet().stream()
                .collect(Collectors.toMap(Function.identity(), partition -> 0L)));
        consumer.updateEndOffsets(ends);
        List<TopicPartition> assigned = held.stream()
                .map(partition -> new TopicPartition(Topics.PUBLISHED, partition)).toList();
        consumer.assign(assigned);
        assigned.forEach(partition -> consumer.seek(partition, ends.get(partition)));
        context.publishEvent(new ListenerContainerIdleEvent(Replay.class, Replay.class, 500, "servePublished-in-0",
                assigned, consumer, false));
    }

    private Replay() {
    }
}
