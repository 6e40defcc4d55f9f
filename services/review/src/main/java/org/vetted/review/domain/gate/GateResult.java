package org.vetted.review.domain.gate;

/** The review gate's answer to an approval. */
public sealed interface GateResult permits Passed, Blocked {
    GateResult PASSED = new Passed();
}
