package org.vetted.support.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 */
public class SharedKafkaSettings implements EnvironmentPostProcessor {
    static final String RESOURCE = "org/vetted/support/kafka/shared-kafka-settings.yml";

    static final String GROUP_INSTANCE_ID = "spring.cloud.stream.kafka.binder.consumer-properties.group.instance.id";

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
        // Static group membership where an instance has a stable name (INSTANCE_ID): restarted under the same name,
        // it takes its partitions back at once instead of waiting out the session timeout of the member it replaces,
        // and its transactional ids fence the producers of the process it replaces. Without a stable name, static
        // membership would only make every restart wait out the session timeout, so it stays off.
        if (environment.containsProperty("INSTANCE_ID") && !environment.containsProperty(GROUP_INSTANCE_ID)) {
            environment.getPropertySources().addLast(new MapPropertySource("vetted-static-membership",
                    Map.of(GROUP_INSTANCE_ID, "${spring.application.name}-${INSTANCE_ID}")));
        }
    }
}
