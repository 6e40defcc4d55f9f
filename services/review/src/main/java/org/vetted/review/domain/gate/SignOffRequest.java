package org.vetted.review.domain.gate;

import org.vetted.review.domain.staff.Actor;

/**
 * A reviewer's sign-off of the current revision. {@code contentHash} is the hash of the text the reviewer read (null
 * when not given, which the default rules refuse); {@code comment} may be null.
 */
public record SignOffRequest(Actor actor, SignOffDecision decision, String comment, String contentHash) {}
