package org.vetted.review.messaging;

import org.vetted.contract.ContentHash;
import org.vetted.contract.PoisonEventException;
import org.vetted.events.DraftSubmitted;

/**
 * The second step, for a draft whose signature was checked: it has a revision number and hashes to its
 * contentHash, which is what an approval binds. Intake signed it, so a failure here is poison, not a forgery.
 */
final class DraftHashCheck {
    private DraftHashCheck() {}

    /** @throws PoisonEventException naming the draft, when its revision is below 1 or its fields do not hash */
    static void check(DraftSubmitted event) {
        if (event.getRevision() < 1) {
            throw new PoisonEventException("draft " + event.getArticleId() + " has revision " + event.getRevision());
        }
        if (!ContentHash.matches(event.getContentHash(), ContentHash.reviewed(event))) {
            throw new PoisonEventException("draft " + event.getArticleId() + " revision " + event.getRevision()
                    + ": its slug, title, summary, body, tags and authors do not hash to its contentHash; "
                    + "it cannot be approved");
        }
    }
}
