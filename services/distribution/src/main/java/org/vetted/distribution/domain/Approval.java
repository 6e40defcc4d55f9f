package org.vetted.distribution.domain;

import java.time.Instant;

/** The medical approval a rendered article rests on: one revision, the hash of exactly its text, the sign-off. */
public record Approval(int revision, String contentHash, Reviewer signedOffBy, Instant approvedAt) {
}
