package org.vetted.rendering.domain;

import java.time.Instant;

/**
 * The medical approval an article rests on.
 *
 * @param revision    the revision the approval is for; null when the record names none
 * @param contentHash the hash of the approved title, summary and body
 * @param reviewer    the reviewer who signed off
 */
public record SignOff(Integer revision, String contentHash, Reviewer reviewer, Instant approvedAt) {

    /** A medical reviewer as named in the byline. */
    public record Reviewer(String displayName, String credential) {
    }
}
