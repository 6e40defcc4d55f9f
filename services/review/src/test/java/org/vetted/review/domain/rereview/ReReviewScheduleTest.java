package org.vetted.review.domain.rereview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vetted.support.time.MutableClock;

class ReReviewScheduleTest {
    private static final Instant APPROVED = Instant.parse("2026-03-01T10:00:00Z");
    private final ReReviewSchedule yearly =
            new ReReviewSchedule(Duration.ofDays(365), Duration.ofDays(30), Duration.ofDays(1095));

    @Test
    void theDefaultReviewByDateIsTheApprovalPlusTheIntervalAndDueANoticePeriodBefore() {
        ReReviewSchedule.Timer timer = yearly.timerFor(APPROVED, Optional.empty());
        assertThat(timer.reviewBy()).isEqualTo(APPROVED.plus(Duration.ofDays(365)));
        assertThat(timer.dueAt()).isEqualTo(APPROVED.plus(Duration.ofDays(335)));
    }

    @Test
    void aShortIntervalWorksInSecondsAndDueIsNeverBeforeTheApproval() {
        ReReviewSchedule seconds =
                new ReReviewSchedule(Duration.ofSeconds(10), Duration.ofSeconds(4), Duration.ofDays(1));
        assertThat(seconds.timerFor(APPROVED, Optional.empty()))
                .isEqualTo(new ReReviewSchedule.Timer(APPROVED.plusSeconds(6), APPROVED.plusSeconds(10)));
        ReReviewSchedule longNotice =
                new ReReviewSchedule(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofDays(1));
        assertThat(longNotice.timerFor(APPROVED, Optional.empty()).dueAt()).isEqualTo(APPROVED);
    }

    @Test
    void theReviewersOwnDateWinsOverTheInterval() {
        Instant by = Instant.parse("2026-09-01T00:00:00Z");
        ReReviewSchedule.Timer timer = yearly.timerFor(APPROVED, Optional.of(by));
        assertThat(timer.reviewBy()).isEqualTo(by);
        assertThat(timer.dueAt()).isEqualTo(by.minus(Duration.ofDays(30)));
    }

    @Test
    void aReviewByDateMustBeAfterTodayAndWithinTheBound() {
        MutableClock clock = new MutableClock(APPROVED);
        assertThat(yearly.check(LocalDate.parse("2026-03-01"), clock.instant()))
                .isEqualTo(new ReReviewSchedule.Refused("must be a day after today"));
        assertThat(yearly.check(LocalDate.parse("2025-12-31"), clock.instant()))
                .isInstanceOf(ReReviewSchedule.Refused.class);
        assertThat(yearly.check(LocalDate.parse("2026-03-02"), clock.instant()))
                .isEqualTo(new ReReviewSchedule.Accepted(Instant.parse("2026-03-02T00:00:00Z")));
        assertThat(yearly.check(LocalDate.parse("2029-02-28"), clock.instant()))
                .isInstanceOf(ReReviewSchedule.Accepted.class);
        assertThat(yearly.check(LocalDate.parse("2029-03-02"), clock.instant()))
                .isEqualTo(new ReReviewSchedule.Refused("must be at most 1095 days ahead"));
        // The same day is refused once the clock reaches it.
        clock.advance(Duration.ofHours(13));
        assertThat(yearly.check(LocalDate.parse("2026-03-02"), clock.instant()))
                .isInstanceOf(ReReviewSchedule.Accepted.class);
        clock.advance(Duration.ofHours(1));
        assertThat(yearly.check(LocalDate.parse("2026-03-02"), clock.instant()))
                .isInstanceOf(ReReviewSchedule.Refused.class);
    }

    @Test
    void aTimerFiredTwiceIsOneEventAndEachCauseIsItsOwn() {
        ReReviewNotice due = notice(ReReviewStatus.DUE, null);
        assertThat(notice(ReReviewStatus.DUE, null).eventId()).isEqualTo(due.eventId());
        assertThat(notice(ReReviewStatus.EXPIRED, null).eventId()).isNotEqualTo(due.eventId());
        ReReviewNotice library = notice(ReReviewStatus.DUE, "lib-0123456789abcdef");
        assertThat(library.eventId()).isNotEqualTo(due.eventId());
        assertThat(library.reason()).contains("lib-0123456789abcdef").contains("the trial was retracted");
        assertThat(notice(ReReviewStatus.EXPIRED, null).reason()).contains("expired");
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new ReReviewSchedule(Duration.ZERO, Duration.ZERO, Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReReviewSchedule(Duration.ofDays(2), Duration.ofDays(-1), Duration.ofDays(3)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReReviewSchedule(Duration.ofDays(2), Duration.ZERO, Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ReReviewNotice notice(ReReviewStatus status, String libraryKey) {
        return ReReviewSchedule.notice(
                status,
                "art-1",
                2,
                "sha256v2:aa",
                "slug",
                APPROVED,
                APPROVED.plus(Duration.ofDays(365)),
                libraryKey,
                libraryKey == null ? null : "the trial was retracted",
                Instant.now());
    }
}
