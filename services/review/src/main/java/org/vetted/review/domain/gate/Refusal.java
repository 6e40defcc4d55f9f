package org.vetted.review.domain.gate;

/** Why a reviewer may not take a decision; the web edge maps each to a status code. */
public enum Refusal {
    /** The actor is not a medical reviewer with a credential. */
    NOT_A_CREDENTIALED_REVIEWER,
    /** The actor is an author of the article. */
    OWN_ARTICLE,
    /** The claim is not in the current revision. */
    UNKNOWN_CLAIM,
    /** The revision was already signed off. */
    REVISION_CLOSED,
    /** The request names a revision or text that is no longer the current one. */
    STALE_REVISION,
    /** A sign-off that does not name the text (its content hash) the reviewer read. */
    TEXT_NOT_NAMED,
    /** Approving a revision in which no claim was found, without the reviewer saying why none needs review. */
    NO_CLAIMS_UNEXPLAINED,
    /** Rejecting a claim or an article without a comment saying why. */
    REJECTION_UNEXPLAINED
}
