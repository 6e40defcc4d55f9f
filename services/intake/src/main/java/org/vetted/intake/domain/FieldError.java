package org.vetted.intake.domain;

/** A reason a draft cannot be accepted, tied to the field it is about. */
public record FieldError(String field, String reason) {
}
