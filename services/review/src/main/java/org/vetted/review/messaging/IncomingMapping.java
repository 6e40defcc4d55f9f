package org.vetted.review.messaging;

import java.util.List;
import java.util.Objects;
import org.vetted.contract.PoisonEventException;
import org.vetted.events.ArticleApproved;
import org.vetted.events.ClaimLibraryEntry;
import org.vetted.events.ClaimReviewed;
import org.vetted.events.DraftSubmitted;
import org.vetted.events.LibraryRetirement;
import org.vetted.events.ReviewReturned;
import org.vetted.review.app.Incoming;
import org.vetted.review.domain.board.Approval;
import org.vetted.review.domain.board.ClaimDecision;
import org.vetted.review.domain.board.ClaimVerdict;
import org.vetted.review.domain.board.ReviewEvent;
import org.vetted.review.domain.board.ReviewEvent.ClaimDecided;
import org.vetted.review.domain.board.ReviewEvent.DraftArrived;
import org.vetted.review.domain.board.ReviewEvent.RevisionApproved;
import org.vetted.review.domain.board.ReviewEvent.RevisionReturned;
import org.vetted.review.domain.board.ReviewOutcome;
import org.vetted.review.domain.draft.Author;
import org.vetted.review.domain.draft.Claim;
import org.vetted.review.domain.draft.ClaimKind;
import org.vetted.review.domain.draft.Draft;
import org.vetted.review.domain.draft.Expert;
import org.vetted.review.domain.library.LibraryEntry;
import org.vetted.review.domain.rereview.ReReviewNotice;
import org.vetted.review.domain.rereview.ReReviewStatus;
import org.vetted.review.domain.staff.Reviewer;
import org.vetted.review.domain.withdrawal.Withdrawal;
import org.vetted.review.domain.withdrawal.WithdrawalKind;

/**
 * The last step of reading: what a record already checked ({@link SignatureCheck}, {@link DraftHashCheck}) states,
 * in the domain's terms. It checks only what the domain cannot hold (a claim id twice in one draft).
 */
final class IncomingMapping {
    private IncomingMapping() {}

    static Incoming toDomain(Object payload) {
        if (payload instanceof ClaimLibraryEntry entry) {
            return new Incoming.Library(toEntry(entry));
        }
        if (payload instanceof ArticleApproved approved) {
            org.vetted.events.Approval approval = approved.getApproval();
            return new Incoming.Fact(new RevisionApproved(
                    approved.getEventId(),
                    approved.getArticleId(),
                    new Approval(
                            approval.getRevision(),
                            approval.getContentHash(),
                            toReviewer(approval.getSignedOffBy()),
                            approval.getClaimReviewers().stream()
                                    .map(IncomingMapping::toReviewer)
                                    .toList(),
                            approval.getApprovedAt()),
                    approved.getComment()));
        }
        return new Incoming.Fact(toFact(payload));
    }

    private static ReviewEvent toFact(Object payload) {
        if (payload instanceof DraftSubmitted draft) {
            return new DraftArrived(draft.getEventId(), toDraft(draft));
        }
        if (payload instanceof ClaimReviewed reviewed) {
            return new ClaimDecided(
                    reviewed.getEventId(),
                    reviewed.getArticleId(),
                    reviewed.getRevision(),
                    reviewed.getContentHash(),
                    new ClaimDecision(
                            reviewed.getClaimId(),
                            reviewed.getRevision(),
                            ClaimVerdict.valueOf(reviewed.getDecision().name()),
                            reviewed.getComment(),
                            reviewed.getReference(),
                            toReviewer(reviewed.getReviewer()),
                            reviewed.getReviewedAt(),
                            reviewed.getLibraryKey()));
        }
        if (payload instanceof ReviewReturned returned) {
            return new RevisionReturned(
                    returned.getEventId(),
                    returned.getArticleId(),
                    returned.getRevision(),
                    returned.getContentHash(),
                    ReviewOutcome.valueOf(returned.getOutcome().name()),
                    returned.getComment(),
                    returned.getRejectedClaimIds(),
                    toReviewer(returned.getReviewer()),
                    returned.getDecidedAt());
        }
        if (payload instanceof org.vetted.events.ArticleWithdrawn withdrawn) {
            return new ReviewEvent.ArticleWithdrawn(new Withdrawal(
                    withdrawn.getEventId(),
                    withdrawn.getArticleId(),
                    WithdrawalKind.valueOf(withdrawn.getKind().name()),
                    withdrawn.getReason(),
                    toReviewer(withdrawn.getDecidedBy()),
                    withdrawn.getDecidedAt(),
                    withdrawn.getRevision(),
                    withdrawn.getContentHash(),
                    withdrawn.getSlug(),
                    withdrawn.getTitle()));
        }
        if (payload instanceof org.vetted.events.ArticleReviewStatus status) {
            return new ReviewEvent.ReviewStatusChanged(new ReReviewNotice(
                    status.getEventId(),
                    status.getArticleId(),
                    ReReviewStatus.valueOf(status.getStatus().name()),
                    status.getRevision(),
                    status.getContentHash(),
                    status.getSlug(),
                    status.getApprovedAt(),
                    status.getReviewBy(),
                    status.getReason(),
                    status.getLibraryKey(),
                    status.getAt()));
        }
        throw new PoisonEventException("review does not consume "
                + (payload == null ? "null" : payload.getClass().getName()));
    }

    private static Draft toDraft(DraftSubmitted event) {
        List<Claim> claims = event.getClaims().stream()
                .map(claim -> new Claim(
                        claim.getId(),
                        claim.getText(),
                        ClaimKind.valueOf(claim.getKind().name()),
                        claim.getHedged(),
                        claim.getSection(),
                        claim.getAbsolute()))
                .toList();
        if (claims.stream().map(Claim::id).distinct().count() != claims.size()) {
            throw new PoisonEventException("draft " + event.getArticleId() + " repeats a claim id");
        }
        return new Draft(
                event.getArticleId(),
                event.getRevision(),
                event.getSlug(),
                event.getTitle(),
                event.getSummary(),
                event.getAuthors().stream()
                        .map(author -> new Author(author.getUsername(), author.getDisplayName()))
                        .toList(),
                event.getTags(),
                event.getBodyMarkdown(),
                event.getContentHash(),
                claims,
                event.getExperts().stream()
                        .map(expert -> new Expert(expert.getName(), expert.getCredential()))
                        .toList(),
                event.getWarnings(),
                Objects.requireNonNull(event.getSubmittedAt(), "submittedAt"),
                event.getCorrection(),
                event.getPublishAt());
    }

    private static LibraryEntry toEntry(ClaimLibraryEntry entry) {
        LibraryRetirement retired = entry.getRetired();
        return new LibraryEntry(
                entry.getEventId(),
                entry.getKey(),
                entry.getClaimText(),
                ClaimKind.valueOf(entry.getKind().name()),
                entry.getReferences(),
                toReviewer(entry.getReviewer()),
                entry.getApprovedAt(),
                entry.getExpiresAt(),
                entry.getArticleId(),
                entry.getRevision(),
                entry.getClaimId(),
                retired == null
                        ? null
                        : new LibraryEntry.Retirement(
                                toReviewer(retired.getBy()), retired.getAt(), retired.getReason()),
                entry.getSection());
    }

    private static Reviewer toReviewer(org.vetted.events.Reviewer reviewer) {
        return new Reviewer(reviewer.getUsername(), reviewer.getDisplayName(), reviewer.getCredential());
    }
}
