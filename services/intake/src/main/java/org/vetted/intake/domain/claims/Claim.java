package org.vetted.intake.domain.claims;

/**
 * A candidate health claim: one sentence of the draft (or a heading, a list item, a table row, an image's alt text).
 * {@code id} derives from the normalised sentence, so an unchanged sentence keeps its id (and its approval) across
 * revisions. {@code absolute}: it uses absolute therapeutic language (a cure, a guarantee, "no side effects",
 * prevention or a dose to take, see {@link AbsoluteLanguage}); intake's own, not in the event, where it can be decided
 * again from the text and hedging. {@code section} is the heading above it.
 */
public record Claim(String id, String text, ClaimKind kind, boolean hedged, boolean absolute, String section) {}
