package org.vetted.distribution.domain.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Exponential backoff with full jitter, bounded by the horizon; times from a fixed instant, draws handed in. */
class BackoffTest {
    static final Instant QUEUED = Instant.parse("2026-12-07T08:00:00Z");
    final Backoff backoff =
            new Backoff(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofHours(24), Duration.ofSeconds(1));

    @Test
    void theCeilingDoublesPerAttemptUpToTheCap() {
        assertThat(backoff.ceilingMillis(1)).isEqualTo(5_000);
        assertThat(backoff.ceilingMillis(2)).isEqualTo(10_000);
        assertThat(backoff.ceilingMillis(3)).isEqualTo(20_000);
        assertThat(backoff.ceilingMillis(11)).isEqualTo(3_600_000);
        assertThat(backoff.ceilingMillis(10_000)).isEqualTo(3_600_000);
    }

    @Test
    void fullJitterDrawsBetweenTheMinimumAndTheCeiling() {
        Instant now = QUEUED.plusSeconds(60);
        assertThat(backoff.next(QUEUED, 3, now, () -> 0.0)).contains(now.plusSeconds(1));
        assertThat(backoff.next(QUEUED, 3, now, () -> 0.5)).contains(now.plusSeconds(10));
        assertThat(backoff.next(QUEUED, 3, now, () -> 0.999_999)).contains(now.plusMillis(19_999));
    }

    @Test
    void noWaitGoesPastTheHorizonAndAfterItTheDeliveryIsDead() {
        Instant nearTheEnd = QUEUED.plus(Duration.ofHours(24)).minusSeconds(30);
        assertThat(backoff.next(QUEUED, 20, nearTheEnd, () -> 0.9)).contains(QUEUED.plus(Duration.ofHours(24)));
        assertThat(backoff.next(QUEUED, 21, QUEUED.plus(Duration.ofHours(24)), () -> 0.1))
                .isEmpty();
        assertThat(backoff.next(QUEUED, 21, QUEUED.plus(Duration.ofHours(30)), () -> 0.1))
                .isEmpty();
    }

    @Test
    void aScheduleOfMaximalDrawsEndsDeadAtTheHorizon() {
        Instant now = QUEUED;
        int attempts = 0;
        Optional<Instant> next;
        while ((next = backoff.next(QUEUED, ++attempts, now, () -> 0.999)).isPresent()) {
            assertThat(next.get()).isAfter(now).isBeforeOrEqualTo(QUEUED.plus(Duration.ofHours(24)));
            now = next.get();
        }
        assertThat(now).isEqualTo(QUEUED.plus(Duration.ofHours(24)));
        assertThat(attempts).isBetween(20, 40);
    }
}
