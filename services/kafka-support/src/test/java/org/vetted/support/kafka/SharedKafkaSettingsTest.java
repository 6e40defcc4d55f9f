package org.vetted.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

class SharedKafkaSettingsTest {
    private final SharedKafkaSettings settings = new SharedKafkaSettings();

    @Test
    void theSharedSettingsComeBelowTheServicesOwn() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.application.name", "rendering")
                .withProperty("spring.cloud.stream.kafka.binder.required-acks", "1");

        settings.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.required-acks"))
                .isEqualTo("1");
        assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.consumer-properties.isolation.level"))
                .isEqualTo("read_committed");
        assertThat(environment.getProperty("spring.cloud.stream.kafka.default.producer.topic.properties.retention.ms"))
                .isEqualTo("-1");
        // Without INSTANCE_ID the prefix ends in ${random.uuid}, which a running application resolves.
        assertThat(environment.getProperty("vetted.kafka.topics.min-insync-replicas"))
                .isEqualTo("1");
    }

    @Test
    void anInstanceWithAStableNameHasStableTransactionalIds() {
        MockEnvironment named = new MockEnvironment()
                .withProperty("spring.application.name", "review")
                .withProperty("INSTANCE_ID", "review-a");
        settings.postProcessEnvironment(named, new SpringApplication());
        assertThat(named.getProperty("spring.cloud.stream.kafka.binder.transaction.transaction-id-prefix"))
                .isEqualTo("review-review-a-");
    }

    private static final String CONFIGURATION = "spring.cloud.stream.kafka.binder.configuration.";

    @Test
    void byDefaultEveryClientConnectsInPlaintextWithoutSasl() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name", "intake");
        settings.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty(CONFIGURATION + "security.protocol")).isEqualTo("PLAINTEXT");
        assertThat(environment.containsProperty(CONFIGURATION + "sasl.mechanism"))
                .isFalse();
        assertThat(environment.containsProperty(CONFIGURATION + "sasl.jaas.config"))
                .isFalse();
        assertThat(environment.containsProperty(CONFIGURATION + "ssl.truststore.location"))
                .isFalse();
    }

    @Test
    void saslOverTlsFromTheEnvironmentReachesTheBindersClients() {
        String jaas = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"review\" "
                + "password=\"s3cret\";";
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.application.name", "review")
                .withProperty("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                .withProperty("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                .withProperty("KAFKA_SASL_JAAS_CONFIG", jaas)
                .withProperty("KAFKA_SSL_TRUSTSTORE_LOCATION", "/run/secrets/kafka-truststore.p12")
                .withProperty("KAFKA_SSL_TRUSTSTORE_PASSWORD", "trust-me")
                .withProperty("KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12");
        settings.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty(CONFIGURATION + "security.protocol")).isEqualTo("SASL_SSL");
        assertThat(environment.getProperty(CONFIGURATION + "sasl.mechanism")).isEqualTo("SCRAM-SHA-512");
        assertThat(environment.getProperty(CONFIGURATION + "sasl.jaas.config")).isEqualTo(jaas);
        assertThat(environment.getProperty(CONFIGURATION + "ssl.truststore.location"))
                .isEqualTo("/run/secrets/kafka-truststore.p12");
        assertThat(environment.getProperty(CONFIGURATION + "ssl.truststore.password"))
                .isEqualTo("trust-me");
        assertThat(environment.getProperty(CONFIGURATION + "ssl.truststore.type"))
                .isEqualTo("PKCS12");
    }

    @Test
    void emptyVariablesLeaveThePlaintextDefaultWorking() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.application.name", "rendering")
                .withProperty("KAFKA_SECURITY_PROTOCOL", "")
                .withProperty("KAFKA_SASL_MECHANISM", " ")
                .withProperty("KAFKA_SASL_JAAS_CONFIG", "");
        settings.postProcessEnvironment(environment, new SpringApplication());
        // No entry: Kafka's own default, PLAINTEXT; an empty one would be rejected by the client.
        assertThat(environment.containsProperty(CONFIGURATION + "security.protocol"))
                .isFalse();
        assertThat(environment.containsProperty(CONFIGURATION + "sasl.mechanism"))
                .isFalse();
        assertThat(environment.containsProperty(CONFIGURATION + "sasl.jaas.config"))
                .isFalse();
    }

    @Test
    void theSecuritySettingsBindAsTheBindersConfigurationMapForEveryClient() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.application.name", "distribution")
                .withProperty("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                .withProperty("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
        settings.postProcessEnvironment(environment, new SpringApplication());
        Map<String, String> configuration = Binder.get(environment)
                .bind("spring.cloud.stream.kafka.binder.configuration", Bindable.mapOf(String.class, String.class))
                .get();
        assertThat(configuration)
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .doesNotContainKey("sasl.jaas.config");
    }

    @Test
    void aServicesOwnBinderConfigurationWinsOverTheEnvironmentDefault() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.application.name", "intake")
                .withProperty(CONFIGURATION + "security.protocol", "SSL");
        settings.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty(CONFIGURATION + "security.protocol")).isEqualTo("SSL");
    }
}
