package org.vetted.review.domain.library;

import java.time.Instant;
import java.util.List;
import org.vetted.review.domain.draft.Claim;
import org.vetted.review.domain.draft.ClaimKind;
import org.vetted.review.domain.draft.ClaimText;
import org.vetted.review.domain.staff.Reviewer;

/**
 * One claim of the claims library: its text, the references it was approved on, who approved it, when, and until when
 * it is offered; {@code retired} when a reviewer withdrew it (null while it stands). {@code articleId},
 * {@code revision}, {@code claimId} and {@code section} (the heading path, or null) name where it was approved.
 */
public record LibraryEntry(
        String eventId,
        String key,
        String claimText,
        ClaimKind kind,
        List<String> references,
        Reviewer reviewer,
        Instant approvedAt,
        Instant expiresAt,
        String articleId,
        int revision,
        String claimId,
        Retirement retired,
        String section) {

    /** Who withdrew the entry, when and why. */
    public record Retirement(Reviewer by, Instant at, String reason) {}

    public LibraryEntry {
        references = List.copyOf(references);
    }

    /** An entry approved outside any section. */
    public LibraryEntry(
            String eventId,
            String key,
            String claimText,
            ClaimKind kind,
            List<String> references,
            Reviewer reviewer,
            Instant approvedAt,
            Instant expiresAt,
            String articleId,
            int revision,
            String claimId,
            Retirement retired) {
        this(
                eventId,
                key,
                claimText,
                kind,
                references,
                reviewer,
                approvedAt,
                expiresAt,
                articleId,
                revision,
                claimId,
                retired,
                null);
    }

    /**
     * Whether a claim may be accepted from this entry: the same whole canonical text, the same kind and the same
     * section path. The key is a short name, not the text; where a sentence stands is part of what it claims.
     */
    public boolean matches(Claim claim) {
        return ClaimText.canonical(claimText).equals(ClaimText.canonical(claim.text()))
                && kind == claim.kind()
                && ClaimText.sameSection(section, claim.section());
    }

    public boolean isRetired() {
        return retired != null;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Offered to reviewers: neither retired nor expired. */
    public boolean isOfferedAt(Instant now) {
        return !isRetired() && !isExpiredAt(now);
    }

    /** When this record was made: its retirement, or its approval. The later record of a key wins. */
    public Instant madeAt() {
        return retired != null ? retired.at() : approvedAt;
    }

    /** The same entry, withdrawn. */
    public LibraryEntry retiredBy(String newEventId, Retirement retirement) {
        return new LibraryEntry(
                newEventId,
                key,
                claimText,
                kind,
                references,
                reviewer,
                approvedAt,
                expiresAt,
                articleId,
                revision,
                claimId,
                retirement,
                section);
    }
}
