package org.vetted.intake.messaging;

import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecordBase;
import org.vetted.contract.MedicalCredits;
import org.vetted.contract.PoisonEventException;
import org.vetted.events.ArticleApproved;
import org.vetted.events.ArticleCorrected;
import org.vetted.events.ArticlePublished;
import org.vetted.events.ArticleRendered;
import org.vetted.events.ArticleRetracted;
import org.vetted.events.ArticleUnpublished;
import org.vetted.events.ClaimDecision;
import org.vetted.events.ClaimReviewed;
import org.vetted.events.DraftSubmitted;
import org.vetted.events.ReviewOutcome;
import org.vetted.events.ReviewReturned;
import org.vetted.events.Reviewer;
import org.vetted.intake.app.SubmissionLedger;
import org.vetted.intake.domain.accounts.Author;
import org.vetted.intake.domain.articles.ArticleEvent;
import org.vetted.intake.domain.articles.ArticleStatus;
import org.vetted.intake.domain.claims.AbsoluteLanguage;
import org.vetted.intake.domain.claims.Claim;
import org.vetted.intake.domain.claims.ClaimKind;
import org.vetted.intake.domain.claims.Expert;
import org.vetted.intake.domain.drafts.Draft;

/** Avro events to and from the domain. The generated classes stop here. */
final class EventMapper {

    static DraftSubmitted toEvent(Draft draft, String eventId, Instant submittedAt) {
        return DraftSubmitted.newBuilder()
                .setEventId(eventId)
                .setArticleId(draft.articleId())
                .setRevision(draft.revision())
                .setSlug(draft.slug())
                .setTitle(draft.title())
                .setSummary(draft.summary())
                .setAuthors(draft.authors().stream().map(EventMapper::toEvent).toList())
                .setSubmittedBy(toEvent(draft.submittedBy()))
                .setTags(draft.tags())
                .setBodyMarkdown(draft.bodyMarkdown())
                .setContentHash(draft.contentHash())
                .setClaims(draft.claims().stream().map(EventMapper::toEvent).toList())
                .setExperts(draft.experts().stream().map(EventMapper::toEvent).toList())
                .setWarnings(draft.warnings())
                .setSubmittedAt(submittedAt)
                .setCorrection(draft.correction())
                .setPublishAt(draft.publishAt())
                .build();
    }

    static ArticleEvent toArticleEvent(SpecificRecordBase record) {
        if (record instanceof DraftSubmitted e) {
            // v2 events name who posted the revision; v1 events do not, so their first author stands in.
            String actor = e.getSubmittedBy() != null
                    ? e.getSubmittedBy().getUsername()
                    : e.getAuthors().isEmpty()
                            ? "unknown"
                            : e.getAuthors().get(0).getUsername();
            return new ArticleEvent.DraftRecorded(
                    e.getEventId(),
                    e.getArticleId(),
                    e.getRevision(),
                    e.getSubmittedAt(),
                    e.getSlug(),
                    e.getTitle(),
                    e.getSummary(),
                    e.getTags(),
                    e.getBodyMarkdown(),
                    e.getClaims().stream().map(EventMapper::toDomain).toList(),
                    e.getContentHash(),
                    e.getAuthors().stream()
                            .map(a -> new Author(a.getUsername(), a.getDisplayName()))
                            .toList(),
                    actor,
                    ArticleEvent.DraftRecorded.detailOf(
                            e.getClaims().size(),
                            e.getExperts().size(),
                            e.getWarnings().size()));
        }
        if (record instanceof ClaimReviewed e) {
            return new ArticleEvent.ClaimDecided(
                    e.getEventId(),
                    e.getArticleId(),
                    e.getRevision(),
                    e.getReviewedAt(),
                    e.getClaimId(),
                    e.getDecision() == ClaimDecision.APPROVED,
                    e.getReviewer().getUsername(),
                    e.getReviewer().getDisplayName(),
                    e.getComment(),
                    e.getReference());
        }
        if (record instanceof ArticleApproved e) {
            // The signer acted; everyone whose approval the article rests on is credited, the signer first.
            Reviewer signer = e.getApproval().getSignedOffBy();
            return new ArticleEvent.StatusChanged(
                    e.getEventId(),
                    e.getArticleId(),
                    e.getApproval().getRevision(),
                    e.getApproval().getApprovedAt(),
                    "ArticleApproved",
                    ArticleStatus.APPROVED,
                    signer.getUsername(),
                    "approved by " + credits(MedicalCredits.of(e.getApproval())) + withComment(e.getComment()));
        }
        if (record instanceof ReviewReturned e) {
            return new ArticleEvent.Returned(
                    e.getEventId(),
                    e.getArticleId(),
                    e.getRevision(),
                    e.getDecidedAt(),
                    e.getOutcome() == ReviewOutcome.REJECTED,
                    e.getRejectedClaimIds(),
                    e.getReviewer().getUsername(),
                    e.getReviewer().getDisplayName(),
                    e.getComment());
        }
        if (record instanceof ArticleRendered e) {
            return new ArticleEvent.StatusChanged(
                    e.getEventId(),
                    e.getArticleId(),
                    e.getRevision(),
                    e.getRenderedAt(),
                    "ArticleRendered",
                    ArticleStatus.RENDERED,
                    "rendering",
                    "rendered to HTML");
        }
        if (record instanceof ArticlePublished e) {
            return new ArticleEvent.StatusChanged(
                    e.getEventId(),
                    e.getArticleId(),
                    e.getRevision(),
                    e.getPublishedAt(),
                    "ArticlePublished",
                    ArticleStatus.PUBLISHED,
                    "distribution",
                    (e.getUrl() == null ? "published" : "published at " + e.getUrl()) + ", medically reviewed by "
                            + credits(
                                    e.getMedicalReviewers().isEmpty()
                                            ? List.of(e.getMedicallyReviewedBy())
                                            : e.getMedicalReviewers()));
        }
        if (record instanceof ArticleCorrected e) {
            return new ArticleEvent.StatusChanged(
                    e.getEventId(),
                    e.getArticleId(),
                    e.getRevision(),
                    e.getPublishedAt(),
                    "ArticleCorrected",
                    ArticleStatus.PUBLISHED,
                    "distribution",
                    (e.getUrl() == null ? "published" : "published at " + e.getUrl()) + " as a correction: "
                            + e.getCorrection());
        }
        if (record instanceof ArticleRetracted e) {
            return new ArticleEvent.StatusChanged(
                    e.getEventId(),
                    e.getArticleId(),
                    e.getRevision(),
                    e.getDecidedAt(),
                    "ArticleRetracted",
                    ArticleStatus.RETRACTED,
                    e.getDecidedBy().getUsername(),
                    "retracted by " + e.getDecidedBy().getDisplayName() + ": " + e.getReason());
        }
        if (record instanceof ArticleUnpublished e) {
            return new ArticleEvent.StatusChanged(
                    e.getEventId(),
                    e.getArticleId(),
                    e.getRevision(),
                    e.getDecidedAt(),
                    "ArticleUnpublished",
                    ArticleStatus.UNPUBLISHED,
                    e.getDecidedBy().getUsername(),
                    "taken down by " + e.getDecidedBy().getDisplayName() + ": " + e.getReason());
        }
        throw new PoisonEventException("intake does not track events of type "
                + (record == null ? "null" : record.getClass().getName()));
    }

    /** "Paul Park, PharmD and Rita Reyes, MD", as the published byline reads. */
    private static String credits(List<Reviewer> reviewers) {
        return MedicalCredits.list(reviewers.stream()
                .map(reviewer -> MedicalCredits.nameWithCredential(reviewer.getDisplayName(), reviewer.getCredential()))
                .toList());
    }

    /** What intake found in a draft besides its claims, as the writer's pages show it. */
    static SubmissionLedger.RevisionNotes notesOf(DraftSubmitted draft) {
        return new SubmissionLedger.RevisionNotes(
                draft.getWarnings(),
                draft.getExperts().stream()
                        .map(expert -> new Expert(expert.getName(), expert.getCredential()))
                        .toList());
    }

    private static String withComment(String comment) {
        return comment == null || comment.isBlank() ? "" : ": " + comment;
    }

    private static org.vetted.events.Author toEvent(Author author) {
        return org.vetted.events.Author.newBuilder()
                .setUsername(author.username())
                .setDisplayName(author.displayName())
                .build();
    }

    private static org.vetted.events.Claim toEvent(Claim claim) {
        return org.vetted.events.Claim.newBuilder()
                .setId(claim.id())
                .setText(claim.text())
                .setKind(org.vetted.events.ClaimKind.valueOf(claim.kind().name()))
                .setHedged(claim.hedged())
                .setSection(claim.section())
                .setAbsolute(claim.absolute())
                .build();
    }

    /** Events written before v4 do not carry {@code absolute}: for them it is decided again from the text. */
    private static Claim toDomain(org.vetted.events.Claim claim) {
        return new Claim(
                claim.getId(),
                claim.getText(),
                ClaimKind.valueOf(claim.getKind().name()),
                claim.getHedged(),
                claim.getAbsolute() || AbsoluteLanguage.inSentence(claim.getText(), claim.getHedged()),
                claim.getSection());
    }

    private static org.vetted.events.Expert toEvent(Expert expert) {
        return org.vetted.events.Expert.newBuilder()
                .setName(expert.name())
                .setCredential(expert.credential())
                .build();
    }

    private EventMapper() {}
}
