package org.vetted.intake.domain;

/** What a health claim asserts: an amount to take, a danger, how something works, or simply an effect. */
public enum ClaimKind {
    EFFECT, RISK, DOSE, MECHANISM
}
