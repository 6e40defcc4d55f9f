package org.vetted.intake.domain;

/**
 * A candidate health claim: one sentence of the draft. {@code id} derives from the normalised sentence, so an
 * unchanged sentence keeps its id (and its approval) across revisions. {@code section} is the heading above it.
 */
public record Claim(String id, String text, ClaimKind kind, boolean hedged, String section) {
}
