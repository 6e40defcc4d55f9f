package org.vetted.review.domain.gate;

/** The answer of a permission rule. */
public sealed interface Permission permits Allowed, Refused {
    Permission ALLOWED = new Allowed();

    static Refused refused(Refusal refusal, String reason) {
        return new Refused(refusal, reason);
    }
}
