package org.vetted.review.domain.draft;

/** A writer credited on an article; {@code username} is the login compared with reviewers. */
public record Author(String username, String displayName) {}
