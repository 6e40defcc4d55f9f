package org.vetted.review.domain;

import org.vetted.review.domain.ReviewEvent.ClaimDecided;

/** What deciding a claim came to: a fact to publish, or a refusal. */
public sealed interface ClaimOutcome permits ClaimOutcome.Decided, Refused {
    record Decided(ClaimDecided event) implements ClaimOutcome {
    }
}
