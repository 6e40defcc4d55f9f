package org.vetted.support.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code shared-kafka-settings.yml} (the binder, serde, transaction and topic settings every service shares)
 * as the environment's last property source: below each service's {@code application.yml}, profiles, environment
 * variables and command line, so any of them can still override a line, and a service's file shows only what is
 * its own. Unlike {@code spring.config.import}, whose files win over the file importing them.
 * <p>
 * Then the client security settings ({@code vetted.kafka.client.*}: {@code KAFKA_SECURITY_PROTOCOL},
 * {@code KAFKA_SASL_MECHANISM}, {@code KAFKA_SASL_JAAS_CONFIG}, {@code KAFKA_SSL_TRUSTSTORE_*}) that are not blank
 * go into the binder's {@code configuration} map, which every client the binder makes takes. Copied in code rather
 * than written as placeholders in that map: an empty variable (as compose passes an unset one) would otherwise give
 * Kafka an empty {@code security.protocol}, which it rejects.
 */
public class SharedKafkaSettings implements EnvironmentPostProcessor {
    static final String RESOURCE = "org/vetted/support/kafka/shared-kafka-settings.yml";
    static final String BINDER_CONFIGURATION = "spring.cloud.stream.kafka.binder.configuration.";
    static final List<String> CLIENT_SECURITY = List.of(
            "security.protocol",
            "sasl.mechanism",
            "sasl.jaas.config",
            "ssl.truststore.location",
            "ssl.truststore.password",
            "ssl.truststore.type");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader()
                    .load("vetted-shared-kafka-settings", new ClassPathResource(RESOURCE))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        Map<String, Object> security = new LinkedHashMap<>();
        for (String name : CLIENT_SECURITY) {
            String value = environment.getProperty("vetted.kafka.client." + name, "");
            if (!value.isBlank()) {
                security.put(BINDER_CONFIGURATION + name, value.strip());
            }
        }
        // Last as well: a service's own binder configuration still wins.
        environment.getPropertySources().addLast(new MapPropertySource("vetted-kafka-client-security", security));
    }
}
