package org.vetted.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class SharedKafkaSettingsTest {
    private final SharedKafkaSettings settings = new SharedKafkaSettings();

    @Test
    void theSharedSettingsComeBelowTheServicesOwn() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.application.name", "rendering")
                .withProperty("spring.cloud.stream.kafka.binder.required-acks", "1");

        settings.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.required-acks")).isEqualTo("1");
        assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.consumer-properties.isolation.level"))
                .isEqualTo("read_committed");
        assertThat(environment.getProperty("spring.cloud.stream.kafka.default.producer.topic.properties.retention.ms"))
                .isEqualTo("-1");
        // Without INSTANCE_ID the prefix ends in ${random.uuid}, which a running application resolves.
        assertThat(environment.getProperty("vetted.kafka.topics.min-insync-replicas")).isEqualTo("1");
    }

    @Test
    void anInstanceWithAStableNameHasStableTransactionalIds() {
        MockEnvironment named = new MockEnvironment()
                .withProperty("spring.application.name", "review").withProperty("INSTANCE_ID", "review-a");
        settings.postProcessEnvironment(named, new SpringApplication());
        assertThat(named.getProperty("spring.cloud.stream.kafka.binder.transaction.transaction-id-prefix"))
                .isEqualTo("review-review-a-");
    }
}
