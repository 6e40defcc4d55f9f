package org.vetted.distribution.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the signed webhooks ({@code vetted.webhooks.*}).
 *
 * @param allowHttp      accept {@code http://} receivers (never in production: the payload travels in clear)
 * @param allowLoopback  accept receivers on loopback addresses (the local stack and tests)
 * @param allowPrivate   accept receivers on private addresses (RFC 1918, fc00::/7, shared and reserved ranges)
 * @param rotationGrace  how long a rotated-out secret keeps signing beside the new one
 * @param horizon        how long after queueing a delivery is tried before it is dead
 * @param backoffBase    the ceiling of the first wait before a retry (it doubles per attempt)
 * @param backoffCap     the longest wait between two attempts
 * @param workers        attempts in flight at once on this instance
 * @param connectTimeout to connect to a receiver
 * @param readTimeout    to wait for each read of its answer
 * @param attemptTimeout a whole attempt at most; the claim's lease is longer
 * @param pollInterval   how often due deliveries are looked for
 * @param dispatch       whether this instance sends deliveries at all
 */
@ConfigurationProperties("vetted.webhooks")
public record WebhookProperties(
        Boolean allowHttp,
        Boolean allowLoopback,
        Boolean allowPrivate,
        Duration rotationGrace,
        Duration horizon,
        Duration backoffBase,
        Duration backoffCap,
        Integer workers,
        Duration connectTimeout,
        Duration readTimeout,
        Duration attemptTimeout,
        Duration pollInterval,
        Boolean dispatch) {
    public WebhookProperties {
        allowHttp = Boolean.TRUE.equals(allowHttp);
        allowLoopback = Boolean.TRUE.equals(allowLoopback);
        allowPrivate = Boolean.TRUE.equals(allowPrivate);
        rotationGrace = rotationGrace == null ? Duration.ofHours(24) : rotationGrace;
        horizon = horizon == null ? Duration.ofHours(24) : horizon;
        backoffBase = backoffBase == null ? Duration.ofSeconds(5) : backoffBase;
        backoffCap = backoffCap == null ? Duration.ofHours(1) : backoffCap;
        workers = workers == null || workers < 1 ? 4 : Math.min(workers, 64);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
        attemptTimeout = attemptTimeout == null ? Duration.ofSeconds(20) : attemptTimeout;
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        dispatch = dispatch == null || dispatch;
    }

    /** A claim outlives any attempt, so no two instances ever hold the same one. */
    public Duration lease() {
        return attemptTimeout.multipliedBy(3);
    }
}
