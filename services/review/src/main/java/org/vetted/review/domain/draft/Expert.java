package org.vetted.review.domain.draft;

/** A person quoted in the article; {@code credential} is null when the text gives none. */
public record Expert(String name, String credential) {}
