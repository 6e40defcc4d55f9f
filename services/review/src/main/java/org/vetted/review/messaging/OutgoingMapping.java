package org.vetted.review.messaging;

import java.util.List;
import org.vetted.contract.signing.Signatures;
import org.vetted.events.ArticleApproved;
import org.vetted.events.ClaimLibraryEntry;
import org.vetted.events.ClaimReviewed;
import org.vetted.events.LibraryRetirement;
import org.vetted.events.ReviewReturned;
import org.vetted.events.WithdrawalKind;
import org.vetted.review.domain.board.Approval;
import org.vetted.review.domain.board.ClaimDecision;
import org.vetted.review.domain.board.ClaimProvenance;
import org.vetted.review.domain.board.ReviewEvent;
import org.vetted.review.domain.board.ReviewEvent.ClaimDecided;
import org.vetted.review.domain.board.ReviewEvent.RevisionApproved;
import org.vetted.review.domain.board.ReviewEvent.RevisionReturned;
import org.vetted.review.domain.draft.Draft;
import org.vetted.review.domain.library.LibraryEntry;
import org.vetted.review.domain.library.Reference;
import org.vetted.review.domain.rereview.ReReviewNotice;
import org.vetted.review.domain.staff.Reviewer;
import org.vetted.review.domain.withdrawal.Withdrawal;

/** Review's decisions as the contract's Avro events, each signed with review's key. */
final class OutgoingMapping {
    private final Signatures signatures;

    /** @param signatures signs with review's key */
    OutgoingMapping(Signatures signatures) {
        this.signatures = signatures;
    }

    ClaimReviewed toEvent(ClaimDecided decided) {
        ClaimDecision decision = decided.decision();
        return signatures.sign(ClaimReviewed.newBuilder()
                .setEventId(decided.eventId())
                .setArticleId(decided.articleId())
                .setRevision(decided.revision())
                .setContentHash(decided.contentHash())
                .setClaimId(decision.claimId())
                .setDecision(org.vetted.events.ClaimDecision.valueOf(
                        decision.verdict().name()))
                .setComment(decision.comment())
                .setReference(decision.reference())
                .setLibraryKey(decision.libraryKey())
                .setReviewer(toEvent(decision.reviewer()))
                .setReviewedAt(decision.at())
                .build());
    }

    /**
     * The approval event carries exactly the approved revision's text. Review signs the approval (over the article
     * id and the approval: revision, content hash, signer, claim reviewers, time), which travels on to rendering and
     * distribution, and then the whole event.
     */
    ArticleApproved toEvent(RevisionApproved approved, Draft draft) {
        Approval approval = approved.approval();
        List<org.vetted.events.Author> authors = draft.authors().stream()
                .map(author -> new org.vetted.events.Author(author.username(), author.displayName()))
                .toList();
        org.vetted.events.Approval signed = signatures.signApproval(
                draft.articleId(),
                org.vetted.events.Approval.newBuilder()
                        .setRevision(approval.revision())
                        .setContentHash(approval.contentHash())
                        .setSignedOffBy(toEvent(approval.signedOffBy()))
                        .setClaimReviewers(approval.claimReviewers().stream()
                                .map(OutgoingMapping::toEvent)
                                .toList())
                        .setApprovedAt(approval.approvedAt())
                        .setClaimProvenance(approved.provenance().stream()
                                .map(OutgoingMapping::toEvent)
                                .toList())
                        .build());
        return signatures.sign(ArticleApproved.newBuilder()
                .setEventId(approved.eventId())
                .setArticleId(draft.articleId())
                .setSlug(draft.slug())
                .setTitle(draft.title())
                .setSummary(draft.summary())
                .setAuthors(authors)
                .setTags(draft.tags())
                .setBodyMarkdown(draft.bodyMarkdown())
                .setClaims(draft.claims().stream()
                        .map(claim -> new org.vetted.events.Claim(
                                claim.id(),
                                claim.text(),
                                org.vetted.events.ClaimKind.valueOf(claim.kind().name()),
                                claim.hedged(),
                                claim.section(),
                                claim.absolute()))
                        .toList())
                .setExperts(draft.experts().stream()
                        .map(expert -> new org.vetted.events.Expert(expert.name(), expert.credential()))
                        .toList())
                .setApproval(signed)
                .setComment(approved.comment())
                .setCorrection(draft.correction())
                .setPublishAt(draft.publishAt())
                .build());
    }

    ReviewReturned toEvent(RevisionReturned returned) {
        return signatures.sign(ReviewReturned.newBuilder()
                .setEventId(returned.eventId())
                .setArticleId(returned.articleId())
                .setRevision(returned.revision())
                .setContentHash(returned.contentHash())
                .setOutcome(org.vetted.events.ReviewOutcome.valueOf(
                        returned.outcome().name()))
                .setComment(returned.comment())
                .setRejectedClaimIds(returned.rejectedClaimIds())
                .setReviewer(toEvent(returned.reviewer()))
                .setDecidedAt(returned.decidedAt())
                .build());
    }

    org.vetted.events.ArticleWithdrawn toEvent(ReviewEvent.ArticleWithdrawn withdrawn) {
        Withdrawal withdrawal = withdrawn.withdrawal();
        return signatures.sign(org.vetted.events.ArticleWithdrawn.newBuilder()
                .setEventId(withdrawal.eventId())
                .setArticleId(withdrawal.articleId())
                .setKind(WithdrawalKind.valueOf(withdrawal.kind().name()))
                .setReason(withdrawal.reason())
                .setDecidedBy(toEvent(withdrawal.decidedBy()))
                .setDecidedAt(withdrawal.decidedAt())
                .setRevision(withdrawal.revision())
                .setContentHash(withdrawal.contentHash())
                .setSlug(withdrawal.slug())
                .setTitle(withdrawal.title())
                .build());
    }

    org.vetted.events.ArticleReviewStatus toEvent(ReviewEvent.ReviewStatusChanged changed) {
        ReReviewNotice notice = changed.notice();
        return signatures.sign(org.vetted.events.ArticleReviewStatus.newBuilder()
                .setEventId(notice.eventId())
                .setArticleId(notice.articleId())
                .setStatus(
                        org.vetted.events.ReReviewStatus.valueOf(notice.status().name()))
                .setRevision(notice.revision())
                .setContentHash(notice.contentHash())
                .setSlug(notice.slug())
                .setApprovedAt(notice.approvedAt())
                .setReviewBy(notice.reviewBy())
                .setReason(notice.reason())
                .setLibraryKey(notice.libraryKey())
                .setAt(notice.at())
                .build());
    }

    /** A library entry as review publishes it on claims.library, signed. */
    ClaimLibraryEntry toEvent(LibraryEntry entry) {
        LibraryEntry.Retirement retired = entry.retired();
        return signatures.sign(ClaimLibraryEntry.newBuilder()
                .setEventId(entry.eventId())
                .setKey(entry.key())
                .setClaimText(entry.claimText())
                .setKind(org.vetted.events.ClaimKind.valueOf(entry.kind().name()))
                .setReferences(entry.references())
                .setReviewer(toEvent(entry.reviewer()))
                .setApprovedAt(entry.approvedAt())
                .setExpiresAt(entry.expiresAt())
                .setArticleId(entry.articleId())
                .setRevision(entry.revision())
                .setClaimId(entry.claimId())
                .setSection(entry.section())
                .setRetired(
                        retired == null
                                ? null
                                : new LibraryRetirement(toEvent(retired.by()), retired.at(), retired.reason()))
                .build());
    }

    private static org.vetted.events.ClaimProvenance toEvent(ClaimProvenance provenance) {
        return org.vetted.events.ClaimProvenance.newBuilder()
                .setClaimId(provenance.claimId())
                .setSentence(provenance.sentence())
                .setSection(provenance.section())
                .setApprovals(provenance.approvals().stream()
                        .map(decision -> org.vetted.events.ClaimApproval.newBuilder()
                                .setReviewer(toEvent(decision.reviewer()))
                                .setDecidedAt(decision.at())
                                .setRevision(decision.revision())
                                .setReference(decision.reference())
                                .setReferenceUrl(link(decision.reference()))
                                .setLibraryKey(decision.libraryKey())
                                .build())
                        .toList())
                .build();
    }

    /** The reference's link, or null when there is none (or the text is no reference by form: never a guess). */
    private static String link(String reference) {
        try {
            return Reference.parseOptional(reference).map(Reference::link).orElse(null);
        } catch (Reference.Invalid notAReference) {
            return null;
        }
    }

    private static org.vetted.events.Reviewer toEvent(Reviewer reviewer) {
        return new org.vetted.events.Reviewer(reviewer.username(), reviewer.displayName(), reviewer.credential());
    }
}
