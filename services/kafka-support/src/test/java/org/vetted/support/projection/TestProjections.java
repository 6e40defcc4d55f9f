package org.vetted.support.projection;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * The test binder has no Kafka consumer, so nothing ever tells a {@link SharedProjection} where the logs end. This
 * tells it what a new instance sees when its topics are empty: joined the group, nothing to catch up with.
 */
public final class TestProjections {

    /** @param partitions how many partitions each topic has */
    public static void markCaughtUp(
            SharedProjection projection, String binding, Collection<String> topics, int partitions) {
        MockConsumer<String, Object> consumer = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());
        List<TopicPartition> all = topics.stream()
                .flatMap(topic -> IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(topic, p)))
                .toList();
        for (String topic : topics) {
            consumer.updatePartitions(
                    topic,
                    IntStream.range(0, partitions)
                            .mapToObj(p -> new PartitionInfo(topic, p, Node.noNode(), new Node[0], new Node[0]))
                            .toList());
        }
        consumer.updateEndOffsets(all.stream().collect(Collectors.toMap(Function.identity(), partition -> 0L)));
        consumer.subscribe(topics);
        projection.onPartitionsAssigned(binding, consumer, List.of(), true);
    }

    private TestProjections() {}
}
