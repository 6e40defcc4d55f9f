package org.vetted.review.domain;

/** The rule lets the decision through. */
public record Allowed() implements Permission {
}
