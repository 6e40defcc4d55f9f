package org.vetted.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadLetterTopicConfigTest {
    private final TopicSettings settings = new TopicSettings(3, 2);

    @Test
    void deadLettersTakeRecordsAsLargeAsTheServiceWrites() {
        assertThat(DeadLetterAutoConfiguration.deadLetterTopicConfig(
                        "article.approved.rendering.dlt", settings, Map.of("max.request.size", 4194304)))
                .containsEntry("max.message.bytes", "4194304");
        assertThat(DeadLetterAutoConfiguration.deadLetterTopicConfig(
                        "article.approved.rendering.dlt", settings, Map.of("acks", "all")))
                .doesNotContainKey("max.message.bytes");
    }

    @Test
    void deadLettersAreKeptForeverAndReplicatedLikeEveryTopic() {
        assertThat(DeadLetterAutoConfiguration.deadLetterTopicConfig(
                        "article.approved.rendering.dlt", settings, Map.of()))
                .containsEntry("retention.ms", "-1")
                .containsEntry("cleanup.policy", "delete")
                .containsEntry("min.insync.replicas", "2");
    }

    @Test
    void theDeadLetterAdminClientConnectsAsTheProducerDoes() {
        Map<String, Object> admin = DeadLetterAutoConfiguration.adminConfig(Map.of(
                "bootstrap.servers", "kafka-1:9094",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "ssl.truststore.location", "/run/secrets/truststore.p12",
                "ssl.truststore.password", "changeit",
                "transactional.id", "review-1-0",
                "value.serializer", "org.vetted.contract.EventSerializer"));
        assertThat(admin)
                .containsOnlyKeys(
                        "bootstrap.servers",
                        "security.protocol",
                        "sasl.mechanism",
                        "sasl.jaas.config",
                        "ssl.truststore.location",
                        "ssl.truststore.password");
        assertThat(admin).containsEntry("security.protocol", "SASL_SSL");
    }
}
