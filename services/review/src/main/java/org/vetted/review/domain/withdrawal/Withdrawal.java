package org.vetted.review.domain.withdrawal;

import java.time.Instant;
import java.util.Objects;
import org.vetted.review.domain.staff.Reviewer;

/**
 * A decision to withdraw an approved article: who, when, why, and which approved revision it concerns (the last one
 * review approved, with its content hash, slug and title, so that distribution can name the article even when that
 * revision is still on its way).
 */
public record Withdrawal(
        String eventId,
        String articleId,
        WithdrawalKind kind,
        String reason,
        Reviewer decidedBy,
        Instant decidedAt,
        int revision,
        String contentHash,
        String slug,
        String title) {
    public Withdrawal {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }
}
