package org.vetted.intake.messaging;

import java.time.Instant;
import java.util.List;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.Signatures;
import org.vetted.events.Approval;
import org.vetted.events.ArticleApproved;
import org.vetted.events.ArticlePublished;
import org.vetted.events.Author;
import org.vetted.events.Claim;
import org.vetted.events.ClaimDecision;
import org.vetted.events.ClaimKind;
import org.vetted.events.ClaimReviewed;
import org.vetted.events.DraftSubmitted;
import org.vetted.events.ReviewOutcome;
import org.vetted.events.ReviewReturned;
import org.vetted.events.Reviewer;

/** Records as they arrive on intake's topics, signed with their writer's demo key and encoded. */
public final class SignedRecordsForTests {
    private static final Signatures INTAKE = DemoKeys.signaturesOf(Issuer.INTAKE);
    private static final Signatures REVIEW = DemoKeys.signaturesOf(Issuer.REVIEW);
    private static final Signatures DISTRIBUTION = DemoKeys.signaturesOf(Issuer.DISTRIBUTION);
    private static final List<Author> WANDA = List.of(new Author("wanda", "Wanda Writer"));
    private static final EventCatalog CATALOG = EventCatalog.standard();

    public static byte[] claimReviewed(
            String eventId,
            String articleId,
            int revision,
            Instant at,
            String claimId,
            boolean approved,
            String username,
            String displayName,
            String comment,
            String reference) {
        return CATALOG.encode(REVIEW.sign(ClaimReviewed.newBuilder()
                .setEventId(eventId)
                .setArticleId(articleId)
                .setRevision(revision)
                .setContentHash("sha256:" + revision)
                .setClaimId(claimId)
                .setDecision(approved ? ClaimDecision.APPROVED : ClaimDecision.REJECTED)
                .setComment(comment)
                .setReference(reference)
                .setReviewer(reviewer(username, displayName))
                .setReviewedAt(at)
                .build()));
    }

    public static byte[] reviewReturned(
            String eventId,
            String articleId,
            int revision,
            Instant at,
            boolean rejected,
            List<String> rejectedClaimIds,
            String username,
            String displayName,
            String comment) {
        return CATALOG.encode(REVIEW.sign(ReviewReturned.newBuilder()
                .setEventId(eventId)
                .setArticleId(articleId)
                .setRevision(revision)
                .setContentHash("sha256:" + revision)
                .setOutcome(rejected ? ReviewOutcome.REJECTED : ReviewOutcome.CHANGES_REQUESTED)
                .setComment(comment)
                .setRejectedClaimIds(rejectedClaimIds)
                .setReviewer(reviewer(username, displayName))
                .setDecidedAt(at)
                .build()));
    }

    /** A draft of Wanda's titled "Ginger and Mint", with the claims given ({id, text} pairs, hedged effects). */
    public static byte[] draftSubmitted(String eventId, String articleId, int revision, Instant at, String... claims) {
        List<Claim> found = new java.util.ArrayList<>();
        for (int i = 0; i < claims.length; i += 2) {
            found.add(Claim.newBuilder()
                    .setId(claims[i])
                    .setText(claims[i + 1])
                    .setKind(ClaimKind.EFFECT)
                    .setHedged(true)
                    .build());
        }
        return CATALOG.encode(INTAKE.sign(DraftSubmitted.newBuilder()
                .setEventId(eventId)
                .setArticleId(articleId)
                .setRevision(revision)
                .setSlug(articleId)
                .setTitle("Ginger and Mint")
                .setSummary("Summary")
                .setAuthors(WANDA)
                .setTags(List.of())
                .setBodyMarkdown("Body.\n")
                .setContentHash("sha256:" + revision)
                .setClaims(found)
                .setExperts(List.of())
                .setWarnings(List.of())
                .setSubmittedAt(at)
                .build()));
    }

    /** Review's approval of a revision, signed off by {@code username} alone. */
    public static byte[] articleApproved(
            String eventId, String articleId, int revision, Instant at, String username, String displayName) {
        Reviewer reviewer = reviewer(username, displayName);
        Approval approval = Approval.newBuilder()
                .setRevision(revision)
                .setContentHash("sha256:" + revision)
                .setSignedOffBy(reviewer)
                .setClaimReviewers(List.of(reviewer))
                .setApprovedAt(at)
                .build();
        REVIEW.signApproval(articleId, approval);
        return CATALOG.encode(REVIEW.sign(ArticleApproved.newBuilder()
                .setEventId(eventId)
                .setArticleId(articleId)
                .setSlug(articleId)
                .setTitle("Ginger and Mint")
                .setAuthors(WANDA)
                .setTags(List.of())
                .setBodyMarkdown("Body.\n")
                .setClaims(List.of())
                .setExperts(List.of())
                .setApproval(approval)
                .build()));
    }

    /** Distribution's publication of a revision approved by {@code username}. */
    public static byte[] articlePublished(
            String eventId, String articleId, int revision, Instant at, String username, String displayName) {
        ArticlePublished published = ArticlePublished.newBuilder()
                .setEventId(eventId)
                .setArticleId(articleId)
                .setRevision(revision)
                .setSlug(articleId)
                .setTitle("Ginger and Mint")
                .setSummary("Summary")
                .setHtml("<p>Body.</p>")
                .setAuthors(WANDA)
                .setTags(List.of())
                .setMedicallyReviewedBy(reviewer(username, displayName))
                .setMedicallyReviewedAt(at)
                .setContentHash("sha256:" + revision)
                .setPublishedAt(at)
                .build();
        DISTRIBUTION.sign(published);
        return CATALOG.encode(published);
    }

    private static Reviewer reviewer(String username, String displayName) {
        return Reviewer.newBuilder()
                .setUsername(username)
                .setDisplayName(displayName)
                .setCredential("MD")
                .build();
    }

    private SignedRecordsForTests() {}
}
