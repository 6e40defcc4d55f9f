package org.vetted.review.domain;

/** The revision may be approved. */
public record Passed() implements GateResult {
}
