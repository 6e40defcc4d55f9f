package org.vetted.contract.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class DeadLetterTopicConfigTest {

    @Test
    void deadLettersTakeRecordsAsLargeAsTheServiceWrites() {
        assertThat(DeadLetterAutoConfiguration.deadLetterTopicConfig(Map.of("max.request.size", 4194304)))
                .containsEntry("max.message.bytes", "4194304");
        assertThat(DeadLetterAutoConfiguration.deadLetterTopicConfig(Map.of("acks", "all"))).isEmpty();
    }
}
