package org.vetted.review.domain;

/** A candidate health claim of a revision, as found by intake. {@code section} may be null. */
public record Claim(String id, String text, ClaimKind kind, boolean hedged, String section) {
}
