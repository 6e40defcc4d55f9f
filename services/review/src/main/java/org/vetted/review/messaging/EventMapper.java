package org.vetted.review.messaging;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.apache.avro.specific.SpecificRecordBase;
import org.vetted.contract.ContentHash;
import org.vetted.contract.PoisonEventException;
import org.vetted.contract.signing.Signatures;
import org.vetted.events.ArticleApproved;
import org.vetted.events.ClaimLibraryEntry;
import org.vetted.events.ClaimReviewed;
import org.vetted.events.LibraryRetirement;
import org.vetted.events.DraftSubmitted;
import org.vetted.events.ReviewReturned;
import org.vetted.review.domain.Approval;
import org.vetted.review.domain.Author;
import org.vetted.review.domain.Claim;
import org.vetted.review.domain.ClaimDecision;
import org.vetted.review.domain.ClaimKind;
import org.vetted.review.domain.ClaimVerdict;
import org.vetted.review.domain.Draft;
import org.vetted.review.domain.Expert;
import org.vetted.review.domain.LibraryEntry;
import org.vetted.review.domain.ReviewEvent.ClaimDecided;
import org.vetted.review.domain.ReviewEvent.DraftArrived;
import org.vetted.review.domain.ReviewEvent.RevisionApproved;
import org.vetted.review.domain.ReviewEvent.RevisionReturned;
import org.vetted.review.domain.ReviewEvent;
import org.vetted.review.domain.ReviewOutcome;
import org.vetted.review.domain.Reviewer;

/** Avro events of the contract to and from the review domain. The generated classes go no further than here. */
public final class EventMapper {
    private final Signatures signatures;

    /**
     * @param signatures signs every event this service publishes with review's key, and verifies every event it
     *                   reads back with the key of the service owning its topic
     */
    public EventMapper(Signatures signatures) {
        this.signatures = signatures;
    }

    /**
     * What an incoming event states: a fact for the board, or an event without a valid signature of the service
     * owning its topic (a draft not signed by intake, a decision or approval not signed by review). Such an event is
     * not thrown as poison: trackReview replays from the start at every boot, so it would be dead-lettered again at
     * each restart; the caller skips it (rendering and distribution refuse unsigned approvals too).
     *
     * Rows read back from review's own store go through here too: whoever can write the database must not be able
     * to write the board.
     *
     * @throws PoisonEventException for an event of another kind, or a signed draft whose fields do not hash to its
     *                              contentHash
     */
    public Incoming toDomain(Object payload) {
        if (!(payload instanceof SpecificRecordBase event) || !(payload instanceof DraftSubmitted
                || payload instanceof ClaimReviewed || payload instanceof ArticleApproved
                || payload instanceof ReviewReturned || payload instanceof ClaimLibraryEntry)) {
            throw new PoisonEventException("review does not consume " + (payload == null ? "null"
                    : payload.getClass().getName()));
        }
        Optional<String> unsigned = signatures.problem(event);
        if (unsigned.isPresent()) {
            return new Incoming.Unsigned(event.getSchema().getName(), String.valueOf(event.get("eventId")),
                    String.valueOf(event.get("articleId")), unsigned.get());
        }
        return verified(payload);
    }

    /** What an event whose signature was just checked states. Drafts are still checked against their contentHash. */
    private static Incoming verified(Object payload) {
        if (payload instanceof ClaimLibraryEntry entry) {
            return new Incoming.Library(toEntry(entry));
        }
        if (payload instanceof ArticleApproved approved) {
            org.vetted.events.Approval approval = approved.getApproval();
            return new Incoming.Fact(new RevisionApproved(approved.getEventId(), approved.getArticleId(),
                    new Approval(approval.getRevision(), approval.getContentHash(),
                            toReviewer(approval.getSignedOffBy()),
                            approval.getClaimReviewers().stream().map(EventMapper::toReviewer).toList(),
                            approval.getApprovedAt()), approved.getComment()));
        }
        return new Incoming.Fact(toFact(payload));
    }

    private static ReviewEvent toFact(Object payload) {
        if (payload instanceof DraftSubmitted draft) {
            return new DraftArrived(draft.getEventId(), toDraft(draft));
        }
        if (payload instanceof ClaimReviewed reviewed) {
            return new ClaimDecided(reviewed.getEventId(), reviewed.getArticleId(), reviewed.getRevision(),
                    reviewed.getContentHash(), new ClaimDecision(reviewed.getClaimId(), reviewed.getRevision(),
                            ClaimVerdict.valueOf(reviewed.getDecision().name()), reviewed.getComment(),
                            reviewed.getReference(), toReviewer(reviewed.getReviewer()), reviewed.getReviewedAt(),
                            reviewed.getLibraryKey()));
        }
        if (payload instanceof ReviewReturned returned) {
            return new RevisionReturned(returned.getEventId(), returned.getArticleId(), returned.getRevision(),
                    returned.getContentHash(), ReviewOutcome.valueOf(returned.getOutcome().name()),
                    returned.getComment(), returned.getRejectedClaimIds(), toReviewer(returned.getReviewer()),
                    returned.getDecidedAt());
        }
        throw new PoisonEventException("review does not consume " + (payload == null ? "null"
                : payload.getClass().getName()));
    }

    static Draft toDraft(DraftSubmitted event) {
        if (event.getRevision() < 1) {
            throw new PoisonEventException("draft " + event.getArticleId() + " has revision " + event.getRevision());
        }
        if (!ContentHash.matches(event.getContentHash(), ContentHash.reviewed(event))) {
            throw new PoisonEventException("draft " + event.getArticleId() + " revision " + event.getRevision()
                    + ": its slug, title, summary, body, tags and authors do not hash to its contentHash; "
                    + "it cannot be approved");
        }
        List<Claim> claims = event.getClaims().stream()
                .map(claim -> new Claim(claim.getId(), claim.getText(), ClaimKind.valueOf(claim.getKind().name()),
                        claim.getHedged(), claim.getSection(), claim.getAbsolute()))
                .toList();
        if (claims.stream().map(Claim::id).distinct().count() != claims.size()) {
            throw new PoisonEventException("draft " + event.getArticleId() + " repeats a claim id");
        }
        return new Draft(event.getArticleId(), event.getRevision(), event.getSlug(), event.getTitle(),
                event.getSummary(),
                event.getAuthors().stream().map(author -> new Author(author.getUsername(), author.getDisplayName()))
                        .toList(),
                event.getTags(), event.getBodyMarkdown(), event.getContentHash(), claims,
                event.getExperts().stream().map(expert -> new Expert(expert.getName(), expert.getCredential()))
                        .toList(),
                event.getWarnings(), Objects.requireNonNull(event.getSubmittedAt(), "submittedAt"));
    }

    public ClaimReviewed toEvent(ClaimDecided decided) {
        ClaimDecision decision = decided.decision();
        return signatures.sign(ClaimReviewed.newBuilder()
                .setEventId(decided.eventId())
                .setArticleId(decided.articleId())
                .setRevision(decided.revision())
                .setContentHash(decided.contentHash())
                .setClaimId(decision.claimId())
                .setDecision(org.vetted.events.ClaimDecision.valueOf(decision.verdict().name()))
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
    public ArticleApproved toEvent(RevisionApproved approved, Draft draft) {
        Approval approval = approved.approval();
        List<org.vetted.events.Author> authors = draft.authors().stream()
                .map(author -> new org.vetted.events.Author(author.username(), author.displayName())).toList();
        org.vetted.events.Approval signed = signatures.signApproval(draft.articleId(),
                org.vetted.events.Approval.newBuilder()
                        .setRevision(approval.revision())
                        .setContentHash(approval.contentHash())
                        .setSignedOffBy(toEvent(approval.signedOffBy()))
                        .setClaimReviewers(approval.claimReviewers().stream().map(EventMapper::toEvent).toList())
                        .setApprovedAt(approval.approvedAt())
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
                        .map(claim -> new org.vetted.events.Claim(claim.id(), claim.text(),
                                org.vetted.events.ClaimKind.valueOf(claim.kind().name()), claim.hedged(),
                                claim.section(), claim.absolute()))
                        .toList())
                .setExperts(draft.experts().stream()
                        .map(expert -> new org.vetted.events.Expert(expert.name(), expert.credential())).toList())
                .setApproval(signed)
                .setComment(approved.comment())
                .build());
    }

    public ReviewReturned toEvent(RevisionReturned returned) {
        return signatures.sign(ReviewReturned.newBuilder()
                .setEventId(returned.eventId())
                .setArticleId(returned.articleId())
                .setRevision(returned.revision())
                .setContentHash(returned.contentHash())
                .setOutcome(org.vetted.events.ReviewOutcome.valueOf(returned.outcome().name()))
                .setComment(returned.comment())
                .setRejectedClaimIds(returned.rejectedClaimIds())
                .setReviewer(toEvent(returned.reviewer()))
                .setDecidedAt(returned.decidedAt())
                .build());
    }

    private static LibraryEntry toEntry(ClaimLibraryEntry entry) {
        LibraryRetirement retired = entry.getRetired();
        return new LibraryEntry(entry.getEventId(), entry.getKey(), entry.getClaimText(),
                ClaimKind.valueOf(entry.getKind().name()), entry.getReferences(), toReviewer(entry.getReviewer()),
                entry.getApprovedAt(), entry.getExpiresAt(), entry.getArticleId(), entry.getRevision(),
                entry.getClaimId(), retired == null ? null : new LibraryEntry.Retirement(toReviewer(retired.getBy()),
                        retired.getAt(), retired.getReason()), entry.getSection());
    }

    /** A library entry as review publishes it on claims.library, signed. */
    public ClaimLibraryEntry toEvent(LibraryEntry entry) {
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
                .setRetired(retired == null ? null : new LibraryRetirement(toEvent(retired.by()), retired.at(),
                        retired.reason()))
                .build());
    }

    private static Reviewer toReviewer(org.vetted.events.Reviewer reviewer) {
        return new Reviewer(reviewer.getUsername(), reviewer.getDisplayName(), reviewer.getCredential());
    }

    private static org.vetted.events.Reviewer toEvent(Reviewer reviewer) {
        return new org.vetted.events.Reviewer(reviewer.username(), reviewer.displayName(), reviewer.credential());
    }
}
