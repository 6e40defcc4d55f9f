package org.vetted.review.domain.gate;

/** A decision that may not be taken, with the reason as a sentence. */
public record Refused(Refusal refusal, String reason) implements Permission, ClaimOutcome, SignOffOutcome {}
