package org.vetted.distribution.domain;

/** A writer credited on an article. */
public record Author(String username, String displayName) {}
