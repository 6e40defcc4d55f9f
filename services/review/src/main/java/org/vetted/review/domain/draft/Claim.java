package org.vetted.review.domain.draft;

/**
 * A candidate health claim of a revision, as found by intake. {@code section} may be null. {@code absolute}: intake
 * found absolute therapeutic language in it (cures, prevents, guaranteed, no side effects, a dose to take).
 */
public record Claim(String id, String text, ClaimKind kind, boolean hedged, String section, boolean absolute) {

    /** A claim without absolute language (and one from a draft written before intake flagged it). */
    public Claim(String id, String text, ClaimKind kind, boolean hedged, String section) {
        this(id, text, kind, hedged, section, false);
    }
}
