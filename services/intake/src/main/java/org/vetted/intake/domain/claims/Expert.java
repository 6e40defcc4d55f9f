package org.vetted.intake.domain.claims;

/** A person the draft quotes, with the credential the text gives them, or null when it gives none. */
public record Expert(String name, String credential) {}
