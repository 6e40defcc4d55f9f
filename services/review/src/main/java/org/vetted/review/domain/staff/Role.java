package org.vetted.review.domain.staff;

/** What a member of staff may do. */
public enum Role {
    WRITER,
    MEDICAL_REVIEWER,
    EDITOR
}
