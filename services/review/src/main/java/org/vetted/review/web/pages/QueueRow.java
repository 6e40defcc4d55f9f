package org.vetted.review.web.pages;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.vetted.review.app.ArticleQueueFacts;
import org.vetted.review.domain.board.ArticleReview;
import org.vetted.review.domain.draft.Author;
import org.vetted.review.domain.staff.Actor;

/**
 * One line of the queue: how many claims are still open (carried-over approvals are not; a high-risk claim approved
 * once is), whether one waits for a second reviewer, whether an expert lacks a credential, whose it is, and how long
 * it has waited ({@code waited}, "3 hours ago", against {@code submittedAt} for the {@code <time>} element).
 */
record QueueRow(
        String articleId,
        String title,
        int revision,
        Instant submittedAt,
        String waited,
        String authors,
        List<String> tags,
        int openClaims,
        int highRiskOpen,
        boolean waitsForSecondReviewer,
        boolean expertWithoutCredential,
        boolean own) {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    static QueueRow of(ArticleReview review, Actor actor, Instant now) {
        ArticleQueueFacts facts = ArticleQueueFacts.of(review);
        return new QueueRow(
                review.articleId(),
                review.draft().title(),
                review.revision(),
                review.draft().submittedAt(),
                ago(review.draft().submittedAt(), now),
                String.join(
                        ", ",
                        review.draft().authors().stream()
                                .map(Author::displayName)
                                .toList()),
                review.draft().tags(),
                review.openCount(),
                facts.highRiskOpen(),
                facts.waitsForSecondReviewer(),
                review.draft().experts().stream()
                        .anyMatch(expert -> expert.credential() == null
                                || expert.credential().isBlank()),
                review.draft().creditedAs(actor.username(), actor.displayName()).isPresent());
    }

    /** The submission time in UTC, for the tooltip (the page's script shows local time where it runs). */
    public String submittedUtc() {
        return UTC.format(submittedAt);
    }

    /** "just now", "5 minutes ago", "3 hours ago", "2 days ago", "5 weeks ago": as a queue is scanned. */
    static String ago(Instant then, Instant now) {
        Duration waited = Duration.between(then, now);
        if (waited.isNegative() || waited.toMinutes() < 1) {
            return "just now";
        }
        if (waited.toHours() < 1) {
            return plural(waited.toMinutes(), "minute");
        }
        if (waited.toDays() < 1) {
            return plural(waited.toHours(), "hour");
        }
        if (waited.toDays() < 14) {
            return plural(waited.toDays(), "day");
        }
        if (waited.toDays() < 60) {
            return plural(waited.toDays() / 7, "week");
        }
        return waited.toDays() < 730 ? plural(waited.toDays() / 30, "month") : plural(waited.toDays() / 365, "year");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s") + " ago";
    }
}
