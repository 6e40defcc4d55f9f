package org.vetted.intake.domain.drafts;

/** A reason a draft cannot be accepted, tied to the field it is about. */
public record FieldError(String field, String reason) {}
