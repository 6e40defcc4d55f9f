package org.vetted.review.support;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.vetted.contract.Topics;

/**
 * The test binder publishes no idle events: this publishes the one the Kafka binder's container would. Its consumer
 * knows every partition of the topics trackReview reads ({@link #PARTITIONS_PER_TOPIC} each, as with the default
 * KAFKA_PARTITIONS) and is positioned at the end of each partition it holds; ReplayReadiness only counts a replay
 * as caught up when the consumer holds all of them.
 */
public final class Replay {
    static final int PARTITIONS_PER_TOPIC = 3;
    static final List<String> TOPICS = List.of(Topics.DRAFT_SUBMITTED, Topics.CLAIM_REVIEWED, Topics.APPROVED,
            Topics.REVIEW_RETURNED, Topics.CLAIMS_LIBRARY);
    static final List<TopicPartition> ALL_PARTITIONS = TOPICS.stream()
            .flatMap(topic -> IntStream.range(0, PARTITIONS_PER_TOPIC)
                    .mapToObj(partition -> new TopicPartition(topic, partition)))
            .toList();
    private static final long END = 3L;

    /** The consumer holds every partition of trackReview's topics and has read each to its end. */
    public static void reachedTheEnd(ApplicationEventPublisher events) {
        idle(events, ALL_PARTITIONS);
    }

    /**
     * The consumer has read to the end of partition 0 of each topic, but holds no other partition (another
     * instance of the group holds them, as during a rolling update).
     */
    public static void reachedTheEndOfOnlySomePartitions(ApplicationEventPublisher events) {
        idle(events, ALL_PARTITIONS.stream().filter(partition -> partition.partition() == 0).toList());
    }

    private static void idle(ApplicationEventPublisher events, List<TopicPartition> held) {
        MockConsumer<String, Object> consumer = new MockConsumer<>("earliest");
        TOPICS.forEach(topic -> consumer.updatePartitions(topic, IntStream.range(0, PARTITIONS_PER_TOPIC)
                .mapToObj(partition -> new PartitionInfo(topic, partition, Node.noNode(), new Node[0], new Node[0]))
                .toList()));
        Map<TopicPartition, Long> ends = ALL_PARTITIONS.stream()
                .collect(Collectors.toMap(Function.identity(), partition -> END));
        consumer.updateBeginningOffsets(ALL_PARTITIONS.stream()
                .collect(Collectors.toMap(Function.identity(), partition -> 0L)));
        consumer.updateEndOffsets(ends);
        consumer.assign(held);
        held.forEach(partition -> consumer.seek(partition, END));
        events.publishEvent(new ListenerContainerIdleEvent(Replay.class, Replay.class, 500, "trackReview-in-0",
                held, consumer, false));
    }

    private Replay() {
    }
}
