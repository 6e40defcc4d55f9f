package org.vetted.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class DeadLetterTopicConfigTest {
    private final TopicSettings settings = new TopicSettings(3, 2);

    @Test
    void deadLettersTakeRecordsAsLargeAsTheServiceWrites() {
        assertThat(DeadLetterAutoConfiguration.deadLetterTopicConfig("article.approved.rendering.dlt", settings,
                Map.of("max.request.size", 4194304)))
                .containsEntry("max.message.bytes", "4194304");
        assertThat(DeadLetterAutoConfiguration.deadLetterTopicConfig("article.approved.rendering.dlt", settings,
                Map.of("acks", "all"))).doesNotContainKey("max.message.bytes");
    }

    @Test
    void deadLettersAreKeptForeverAndReplicatedLikeEveryTopic() {
        assertThat(DeadLetterAutoConfiguration.deadLetterTopicConfig("article.approved.rendering.dlt", settings,
                Map.of()))
                .containsEntry("retention.ms", "-1")
                .containsEntry("cleanup.policy", "delete")
                .containsEntry("min.insync.replicas", "2");
    }
}
