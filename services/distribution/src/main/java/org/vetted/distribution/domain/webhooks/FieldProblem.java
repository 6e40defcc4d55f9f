package org.vetted.distribution.domain.webhooks;

/** A field of a request and why it is refused. */
public record FieldProblem(String field, String reason) {}
