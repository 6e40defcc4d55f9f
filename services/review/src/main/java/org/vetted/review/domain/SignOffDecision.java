package org.vetted.review.domain;

/** How a reviewer signs off a revision. */
public enum SignOffDecision {
    APPROVE, REQUEST_CHANGES, REJECT
}
