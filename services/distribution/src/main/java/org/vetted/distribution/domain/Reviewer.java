package org.vetted.distribution.domain;

/** A medical reviewer: who signed an approval off, or approved claims of it. */
public record Reviewer(String username, String displayName, String credential) {}
