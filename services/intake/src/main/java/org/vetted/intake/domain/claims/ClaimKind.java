package org.vetted.intake.domain.claims;

/** What a health claim asserts: an amount to take, a danger, how something works, or simply an effect. */
public enum ClaimKind {
    EFFECT,
    RISK,
    DOSE,
    MECHANISM,
    /** Read from an event of a later schema whose kind this version does not know; intake never assigns it. */
    OTHER
}
