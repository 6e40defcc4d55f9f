package org.vetted.intake;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.vetted.contract.Topics;
import org.vetted.support.projection.SharedProjection;

/**
 * The test binder has no Kafka consumer, so nothing ever tells the article projection where the log ends. This
 * tells it what a new instance sees when the six article topics are empty: joined the group, nothing to catch up
 * with.
 */
public final class Replays {

    public static void markCaughtUp(SharedProjection projection) {
        MockConsumer<String, Object> consumer = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());
        for (String topic : Topics.ALL) {
            consumer.updatePartitions(topic, List.of(new PartitionInfo(topic, 0, Node.noNode(), new Node[0],
                    new Node[0])));
        }
        consumer.updateEndOffsets(Topics.ALL.stream().map(topic -> new TopicPartition(topic, 0))
                .collect(Collectors.toMap(Function.identity(), partition -> 0L)));
        consumer.subscribe(Topics.ALL);
        projection.onPartitionsAssigned("trackArticle-in-0", consumer, List.of(), true);
    }

    private Replays() {
    }
}
