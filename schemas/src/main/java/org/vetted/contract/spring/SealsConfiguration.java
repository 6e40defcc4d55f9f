package org.vetted.contract.spring;

import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vetted.contract.Seals;

/**
 * The {@link Seals} of a service that issues or verifies seals (review, rendering, distribution), built once from
 * {@code vetted.seal.key} (env {@code VETTED_SEAL_KEY}). Not auto-configured: those services import it, and a
 * service without it (intake) needs no key. No key, or one shorter than 32 bytes, stops the service at start.
 */
@Configuration(proxyBeanMethods = false)
public class SealsConfiguration {

    @Bean
    Seals seals(@Value("${vetted.seal.key:}") String key) {
        if (key.isBlank()) {
            throw new SealKeyMissingException(
                    "no seal key is configured: vetted.seal.key (env VETTED_SEAL_KEY) is not set");
        }
        if (key.getBytes(StandardCharsets.UTF_8).length < 32) {
            // Never echo the key itself.
            throw new SealKeyMissingException(
                    "vetted.seal.key (env VETTED_SEAL_KEY) is too short: shorter than 32 bytes");
        }
        return Seals.withSecret(key);
    }
}
