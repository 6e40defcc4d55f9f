package org.vetted.distribution.domain;

import java.time.Instant;

/**
 * Review's decision to withdraw an approved article, as it arrived (its signature verified by the messaging edge).
 *
 * @param revision    the last revision review approved, with its content hash, slug and title
 * @param signature   review's signature, opaque here: kept so the gate's row verifies when read back
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
        String title,
        String signature) {}
