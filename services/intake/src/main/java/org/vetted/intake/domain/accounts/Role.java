package org.vetted.intake.domain.accounts;

/** What an account may do in the pipeline. */
public enum Role {
    WRITER,
    MEDICAL_REVIEWER,
    EDITOR
}
