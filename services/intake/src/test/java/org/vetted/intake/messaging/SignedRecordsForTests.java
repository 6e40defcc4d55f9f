package org.vetted.intake.messaging;

import java.time.Instant;
import java.util.List;

import org.vetted.contract.EventCatalog;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.Signatures;
import org.vetted.events.ClaimDecision;
import org.vetted.events.ClaimReviewed;
import org.vetted.events.ReviewOutcome;
import org.vetted.events.ReviewReturned;
import org.vetted.events.Reviewer;

/** Review's records as they arrive on intake's topics, signed with review's demo key and encoded. */
public final class SignedRecordsForTests {
    private static final Signatures REVIEW = DemoKeys.signaturesOf(Issuer.REVIEW);
    private static final EventCatalog CATALOG = EventCatalog.standard();

    public static byte[] claimReviewed(String eventId, String articleId, int revision, Instant at, String claimId,
            boolean approved, String username, String displayName, String comment, String reference) {
        return CATALOG.encode(REVIEW.sign(ClaimReviewed.newBuilder().setEventId(eventId).setArticleId(articleId)
                .setRevision(revision).setContentHash("sha256:" + revision).setClaimId(claimId)
                .setDecision(approved ? ClaimDecision.APPROVED : ClaimDecision.REJECTED).setComment(comment)
                .setReference(reference).setReviewer(reviewer(username, displayName)).setReviewedAt(at).build()));
    }

    public static byte[] reviewReturned(String eventId, String articleId, int revision, Instant at, boolean rejected,
            List<String> rejectedClaimIds, String username, String displayName, String comment) {
        return CATALOG.encode(REVIEW.sign(ReviewReturned.newBuilder().setEventId(eventId).setArticleId(articleId)
                .setRevision(revision).setContentHash("sha256:" + revision)
                .setOutcome(rejected ? ReviewOutcome.REJECTED : ReviewOutcome.CHANGES_REQUESTED).setComment(comment)
                .setRejectedClaimIds(rejectedClaimIds).setReviewer(reviewer(username, displayName))
                .setDecidedAt(at).build()));
    }

    private static Reviewer reviewer(String username, String displayName) {
        return Reviewer.newBuilder().setUsername(username).setDisplayName(displayName).setCredential("MD").build();
    }

    private SignedRecordsForTests() {
    }
}
