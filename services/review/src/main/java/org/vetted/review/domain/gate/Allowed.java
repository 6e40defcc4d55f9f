package org.vetted.review.domain.gate;

/** The rule lets the decision through. */
public record Allowed() implements Permission {}
