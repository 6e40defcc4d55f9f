package org.vetted.distribution;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.vetted.contract.Topics;

/**
 * The test binder has no Kafka container, so no idle event ever says the replay of article.published is over.
 * This publishes the one a caught-up servePublished container would: its partitions, each positioned at its end.
 */
public final class Replay {

    public static void markCaughtUp(ApplicationEventPublisher context) {
        List<TopicPartition> partitions = List.of(new TopicPartition(Topics.PUBLISHED, 0),
                new TopicPartition(Topics.PUBLISHED, 1), new TopicPartition(Topics.PUBLISHED, 2));
        @SuppressWarnings("unchecked")
        Consumer<String, Object> consumer = mock(Consumer.class);
        when(consumer.endOffsets(any())).thenReturn(Map.of(partitions.get(0), 4L, partitions.get(1), 0L,
                partitions.get(2), 9L));
        when(consumer.position(partitions.get(0))).thenReturn(4L);
        when(consumer.position(partitions.get(1))).thenReturn(0L);
        when(consumer.position(partitions.get(2))).thenReturn(9L);
        context.publishEvent(new ListenerContainerIdleEvent(Replay.class, Replay.class, 500, "servePublished-in-0",
                partitions, consumer, false));
    }

    private Replay() {
    }
}
