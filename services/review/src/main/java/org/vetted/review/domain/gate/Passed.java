package org.vetted.review.domain.gate;

/** The revision may be approved. */
public record Passed() implements GateResult {}
