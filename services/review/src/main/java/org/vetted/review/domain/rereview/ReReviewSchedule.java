package org.vetted.review.domain.rereview;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * The re-review rules: when an approval's review is due and when it expires, which review-by date a reviewer may set
 * at sign-off, and the notices a timer fires. Pure: the time is always given.
 *
 * @param interval how long an approval stands when the reviewer gives no review-by date
 * @param notice   how long before the review-by date "review due" fires
 * @param maxAhead the furthest ahead of the sign-off a reviewer may set the review-by date
 */
public record ReReviewSchedule(Duration interval, Duration notice, Duration maxAhead) {

    public ReReviewSchedule {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the re-review interval must be positive, not " + interval);
        }
        if (notice.isNegative()) {
            throw new IllegalArgumentException("the re-review notice must not be negative, not " + notice);
        }
        if (maxAhead.compareTo(interval) < 0) {
            throw new IllegalArgumentException(
                    "the furthest review-by date (" + maxAhead + ") must not be before the default (" + interval + ")");
        }
    }

    /** A timer: when one approval's review is due and when it expires. */
    public record Timer(Instant dueAt, Instant reviewBy) {}

    /** Why a review-by date given at sign-off is refused. */
    public sealed interface Check {}

    public record Accepted(Instant reviewBy) implements Check {}

    public record Refused(String reason) implements Check {}

    /**
     * The timer of an approval signed off at {@code approvedAt}: the review-by date is the one the reviewer gave
     * ({@link #check}ed) or {@code approvedAt + interval}; due the notice period before it, never before the approval.
     */
    public Timer timerFor(Instant approvedAt, Optional<Instant> reviewBy) {
        Instant by = reviewBy.orElse(approvedAt.plus(interval));
        Instant due = by.minus(notice);
        return new Timer(due.isBefore(approvedAt) ? approvedAt : due, by);
    }

    /**
     * A review-by date a reviewer gives at sign-off: a day (UTC) strictly after today and at most {@code maxAhead}
     * away. The approval then stands until the start of that day.
     */
    public Check check(LocalDate day, Instant now) {
        Instant reviewBy = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        if (!reviewBy.isAfter(now)) {
            return new Refused("must be a day after today");
        }
        if (reviewBy.isAfter(now.plus(maxAhead))) {
            return new Refused("must be at most " + maxAhead.toDays() + " days ahead");
        }
        return new Accepted(reviewBy);
    }

    /**
     * The notice a timer fires. Its event id is a function of the approval, the status and the cause, so a timer
     * fired again (after a restart between publishing and recording it) is the same event.
     */
    public static ReReviewNotice notice(
            ReReviewStatus status,
            String articleId,
            int revision,
            String contentHash,
            String slug,
            Instant approvedAt,
            Instant reviewBy,
            String libraryKey,
            String libraryReason,
            Instant at) {
        String reason;
        if (libraryKey != null) {
            reason = "claims library entry " + libraryKey + " this article relied on was retired"
                    + (libraryReason == null || libraryReason.isBlank() ? "" : ": " + libraryReason);
        } else if (status == ReReviewStatus.DUE) {
            reason = "the medical review is due by " + reviewBy;
        } else {
            reason = "the medical review expired on " + reviewBy;
        }
        String cause = articleId + "|" + approvedAt.toEpochMilli() + "|" + status + "|"
                + (libraryKey == null ? "" : libraryKey);
        String eventId = UUID.nameUUIDFromBytes(("re-review " + cause).getBytes(StandardCharsets.UTF_8))
                .toString();
        return new ReReviewNotice(
                eventId, articleId, status, revision, contentHash, slug, approvedAt, reviewBy, reason, libraryKey, at);
    }
}
