package org.vetted.distribution.domain;

/** The medical reviewer who signed an approval off. */
public record Reviewer(String username, String displayName, String credential) {
}
