package org.vetted.review.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vetted.contract.Seals;

/** The {@link Seals} review puts on every approval, built once from {@code vetted.seal.key}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SealProperties.class)
public class SealConfiguration {

    /** @throws SealKeyMisconfiguredException without a key, or with one shorter than {@link Seals} accepts */
    @Bean
    Seals seals(SealProperties properties) {
        String key = properties.key();
        if (key == null || key.isBlank()) {
            throw new SealKeyMisconfiguredException("no seal key is configured (vetted.seal.key / VETTED_SEAL_KEY)");
        }
        try {
            return Seals.withSecret(key);
        } catch (IllegalArgumentException tooShort) {
            throw new SealKeyMisconfiguredException("vetted.seal.key / VETTED_SEAL_KEY is too short: "
                    + tooShort.getMessage());
        }
    }
}
