package org.vetted.distribution.domain.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed delivery again: exponential backoff with full jitter (a uniformly random wait between
 * {@code minimum} and {@code min(cap, base * 2^(attempts - 1))}), so receivers coming back up are not hit by every
 * sender at once; never later than the horizon after the delivery was queued, when a last attempt is made; after that
 * attempt the delivery is dead.
 *
 * @param base    the ceiling of the first wait
 * @param cap     the longest wait between two attempts
 * @param horizon how long after queueing a delivery is tried at all (24 h by default)
 * @param minimum the shortest wait, so a zero draw does not retry at once
 */
public record Backoff(Duration base, Duration cap, Duration horizon, Duration minimum) {
    public Backoff {
        if (base.isNegative()
                || base.isZero()
                || cap.compareTo(base) < 0
                || horizon.isNegative()
                || minimum.isNegative()) {
            throw new IllegalArgumentException("backoff needs 0 < base <= cap, a horizon and a minimum of at least 0");
        }
    }

    public static Backoff defaults() {
        return new Backoff(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofHours(24), Duration.ofSeconds(1));
    }

    /**
     * @param queuedAt     when the delivery was queued (or replayed): the horizon counts from there
     * @param attemptsMade attempts so far, the failed one included (1 after the first)
     * @param now          when the failed attempt ended
     * @param random       a draw in [0, 1)
     * @return the next attempt's time, or empty when the delivery is dead
     */
    public Optional<Instant> next(Instant queuedAt, int attemptsMade, Instant now, DoubleSupplier random) {
        Instant last = queuedAt.plus(horizon);
        if (!now.isBefore(last)) {
            return Optional.empty();
        }
        long ceiling = ceilingMillis(attemptsMade);
        long wait = Math.max(minimum.toMillis(), (long) (random.getAsDouble() * ceiling));
        Instant next = now.plusMillis(wait);
        return Optional.of(next.isAfter(last) ? last : next);
    }

    /** {@code min(cap, base * 2^(attempts - 1))} in milliseconds, without overflow. */
    long ceilingMillis(int attemptsMade) {
        int doublings = Math.max(0, attemptsMade - 1);
        long ceiling = base.toMillis();
        for (int i = 0; i < doublings && ceiling < cap.toMillis(); i++) {
            ceiling *= 2;
        }
        return Math.min(ceiling, cap.toMillis());
    }
}
