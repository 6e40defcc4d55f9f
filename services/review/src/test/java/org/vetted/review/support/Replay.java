package org.vetted.review.support;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
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
 * The test binder publishes no idle events: this publishes the one the Kafka binder's container would, from a
 * consumer positioned at the end of one partition of each topic trackReview reads.
 */
public final class Replay {
    static final List<TopicPartition> PARTITIONS = List.of(Topics.DRAFT_SUBMITTED, Topics.CLAIM_REVIEWED,
            Topics.APPROVED, Topics.REVIEW_RETURNED).stream().map(topic -> new TopicPartition(topic, 0)).toList();

    @SuppressWarnings("unchecked")
    public static void reachedTheEnd(ApplicationEventPublisher events) {
        Consumer<String, Object> consumer = mock(Consumer.class);
        when(consumer.endOffsets(anyCollection())).thenReturn(
                PARTITIONS.stream().collect(Collectors.toMap(Function.identity(), partition -> 3L)));
        when(consumer.position(any(TopicPartition.class))).thenReturn(3L);
        events.publishEvent(new ListenerContainerIdleEvent(Replay.class, Replay.class, 500, "trackReview-in-0",
                PARTITIONS, consumer, false));
    }

    private Replay() {
    }
}
