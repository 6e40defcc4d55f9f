package org.vetted.review.domain.gate;

/** How a reviewer signs off a revision. */
public enum SignOffDecision {
    APPROVE,
    REQUEST_CHANGES,
    REJECT
}
