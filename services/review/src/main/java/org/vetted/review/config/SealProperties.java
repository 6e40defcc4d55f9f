package org.vetted.review.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code vetted.seal.key} (env {@code VETTED_SEAL_KEY}): the secret, at least 32 bytes, shared by review, rendering
 * and distribution, with which review seals every approval it publishes. Profile {@code local} sets a demo key.
 */
@ConfigurationProperties("vetted.seal")
public record SealProperties(String key) {
    @Override
    public String toString() {
        return "SealProperties[key=" + (key == null ? "null" : "(hidden)") + "]";
    }
}
