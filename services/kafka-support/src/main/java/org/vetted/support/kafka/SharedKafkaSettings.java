package org.vetted.support.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
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
    }
}
