package org.vetted.intake;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.vetted.contract.Topics;

/**
 * The test binder has no Kafka container, so no idle event ever says the replay is over. This publishes the one a
 * caught-up trackArticle container would: every partition of the six article topics, positioned at its end.
 */
public final class Replays {

    public static void markCaughtUp(ApplicationEventPublisher context) {
        List<TopicPartition> partitions = Topics.ALL.stream().map(topic -> new TopicPartition(topic, 0)).toList();
        Map<TopicPartition, Long> end = partitions.stream().collect(Collectors.toMap(Function.identity(), p -> 7L));
        @SuppressWarnings("unchecked")
        Consumer<String, Object> consumer = mock(Consumer.class);
        when(consumer.endOffsets(any())).thenReturn(end);
        when(consumer.position(any(TopicPartition.class))).thenReturn(7L);
        context.publishEvent(new ListenerContainerIdleEvent(Replays.class, Replays.class, 500, "trackArticle",
                partitions, consumer, false));
    }

    private Replays() {
    }
}
