package org.vetted.distribution.messaging;

import java.util.List;
import org.apache.avro.specific.SpecificRecordBase;
import org.vetted.contract.Corrections;
import org.vetted.contract.PoisonEventException;
import org.vetted.distribution.domain.Approval;
import org.vetted.distribution.domain.Author;
import org.vetted.distribution.domain.ClaimProvenance;
import org.vetted.distribution.domain.OverduePolicy;
import org.vetted.distribution.domain.PublishedArticle;
import org.vetted.distribution.domain.ReReview;
import org.vetted.distribution.domain.ReReviewKind;
import org.vetted.distribution.domain.ReReviewNotice;
import org.vetted.distribution.domain.RenderedArticle;
import org.vetted.distribution.domain.Reviewer;
import org.vetted.distribution.domain.Withdrawal;
import org.vetted.distribution.domain.WithdrawalKind;
import org.vetted.distribution.domain.WithdrawnArticle;
import org.vetted.events.ArticleCorrected;
import org.vetted.events.ArticlePublished;
import org.vetted.events.ArticleRendered;
import org.vetted.events.ArticleRetracted;
import org.vetted.events.ArticleReviewDue;
import org.vetted.events.ArticleReviewExpired;
import org.vetted.events.ArticleReviewStatus;
import org.vetted.events.ArticleUnpublished;
import org.vetted.events.ArticleWithdrawn;

/** Avro to domain and back. The generated event classes stop here. */
public final class EventMapper {

    static RenderedArticle toDomain(ArticleRendered event) {
        org.vetted.events.Approval approval = event.getApproval();
        if (approval == null || approval.getSignedOffBy() == null) {
            throw new PoisonEventException("ArticleRendered " + event.getEventId() + " carries no signed approval");
        }
        return new RenderedArticle(
                event.getEventId(),
                event.getArticleId(),
                event.getRevision(),
                event.getSlug(),
                event.getTitle(),
                event.getSummary(),
                authors(event.getAuthors()),
                tags(event.getTags()),
                event.getBodyMarkdown(),
                event.getSourceHash(),
                event.getHtml(),
                new Approval(
                        approval.getRevision(),
                        approval.getContentHash(),
                        reviewer(approval.getSignedOffBy()),
                        reviewers(approval.getClaimReviewers()),
                        approval.getApprovedAt(),
                        provenance(approval.getClaimProvenance())),
                event.getCorrection(),
                event.getPublishAt());
    }

    public static PublishedArticle toDomain(ArticlePublished event) {
        if (event.getMedicallyReviewedBy() == null || event.getArticleId() == null || event.getSlug() == null) {
            throw new PoisonEventException(
                    "ArticlePublished " + event.getEventId() + " lacks its article id, slug " + "or reviewer");
        }
        return publication(event, null);
    }

    /** A corrected revision: a publication carrying its note (its time is the publication's). */
    public static PublishedArticle toDomain(ArticleCorrected event) {
        if (event.getMedicallyReviewedBy() == null
                || event.getArticleId() == null
                || event.getSlug() == null
                || event.getCorrection() == null) {
            throw new PoisonEventException(
                    "ArticleCorrected " + event.getEventId() + " lacks its article id, slug, reviewer or note");
        }
        return publication(Corrections.asPublished(event), event.getCorrection());
    }

    private static PublishedArticle publication(ArticlePublished event, String correction) {
        return PublishedArticle.builder()
                .eventId(event.getEventId())
                .articleId(event.getArticleId())
                .revision(event.getRevision())
                .slug(event.getSlug())
                .title(event.getTitle())
                .summary(event.getSummary())
                .html(event.getHtml())
                .url(event.getUrl())
                .authors(authors(event.getAuthors()))
                .tags(tags(event.getTags()))
                .medicallyReviewedBy(reviewer(event.getMedicallyReviewedBy()))
                // As signed: empty in publications made before v3 (PublishedArticle.credited reads those).
                .medicalReviewers(reviewers(event.getMedicalReviewers()))
                .medicallyReviewedAt(event.getMedicallyReviewedAt())
                .contentHash(event.getContentHash())
                .publishedAt(event.getPublishedAt())
                .seal(event.getSeal())
                .claimProvenance(provenance(event.getClaimProvenance()))
                .correction(correction)
                .publishAt(event.getPublishAt())
                .build();
    }

    /**
     * The event of an article ({@code ArticleCorrected} for a correction, else {@code ArticlePublished}): unsigned as
     * published (the seal covers the finished event and is set after this), or with the seal it was read with, to be
     * stored and checked again when read back.
     */
    public static SpecificRecordBase toEvent(PublishedArticle article) {
        ArticlePublished published = ArticlePublished.newBuilder()
                .setEventId(article.eventId())
                .setArticleId(article.articleId())
                .setRevision(article.revision())
                .setSlug(article.slug())
                .setTitle(article.title())
                .setSummary(article.summary())
                .setHtml(article.html())
                .setUrl(article.url())
                .setAuthors(authorsOut(article))
                .setTags(article.tags())
                .setMedicallyReviewedBy(toEvent(article.medicallyReviewedBy()))
                .setMedicalReviewers(article.medicalReviewers().stream()
                        .map(EventMapper::toEvent)
                        .toList())
                .setMedicallyReviewedAt(article.medicallyReviewedAt())
                .setContentHash(article.contentHash())
                .setPublishedAt(article.publishedAt())
                .setClaimProvenance(article.claimProvenance().stream()
                        .map(EventMapper::toEvent)
                        .toList())
                .setPublishAt(article.publishAt())
                .setSeal(article.seal())
                .build();
        return article.isCorrection()
                ? Corrections.asCorrected(published, article.correction(), article.publishedAt())
                : published;
    }

    private static List<org.vetted.events.Author> authorsOut(PublishedArticle article) {
        return article.authors().stream()
                .map(author -> new org.vetted.events.Author(author.username(), author.displayName()))
                .toList();
    }

    /** Review's decision; its signature is kept for the gate's row, which is verified when read back. */
    public static Withdrawal toDomain(ArticleWithdrawn event) {
        if (event.getDecidedBy() == null || event.getArticleId() == null || event.getSlug() == null) {
            throw new PoisonEventException(
                    "ArticleWithdrawn " + event.getEventId() + " lacks its article id, slug or decider");
        }
        return new Withdrawal(
                event.getEventId(),
                event.getArticleId(),
                WithdrawalKind.valueOf(event.getKind().name()),
                event.getReason(),
                reviewer(event.getDecidedBy()),
                event.getDecidedAt(),
                event.getRevision(),
                event.getContentHash(),
                event.getSlug(),
                event.getTitle(),
                event.getSignature());
    }

    public static ArticleWithdrawn toEvent(Withdrawal decision) {
        return ArticleWithdrawn.newBuilder()
                .setEventId(decision.eventId())
                .setArticleId(decision.articleId())
                .setKind(
                        org.vetted.events.WithdrawalKind.valueOf(decision.kind().name()))
                .setReason(decision.reason())
                .setDecidedBy(toEvent(decision.decidedBy()))
                .setDecidedAt(decision.decidedAt())
                .setRevision(decision.revision())
                .setContentHash(decision.contentHash())
                .setSlug(decision.slug())
                .setTitle(decision.title())
                .setSignature(decision.signature())
                .build();
    }

    /** The public event of a withdrawal: ArticleRetracted or ArticleUnpublished (which names no title). */
    public static SpecificRecordBase toEvent(WithdrawnArticle withdrawal) {
        if (withdrawal.kind() == WithdrawalKind.RETRACTED) {
            return ArticleRetracted.newBuilder()
                    .setEventId(withdrawal.eventId())
                    .setArticleId(withdrawal.articleId())
                    .setRevision(withdrawal.revision())
                    .setSlug(withdrawal.slug())
                    .setTitle(withdrawal.title())
                    .setUrl(withdrawal.url())
                    .setReason(withdrawal.reason())
                    .setDecidedBy(toEvent(withdrawal.decidedBy()))
                    .setDecidedAt(withdrawal.decidedAt())
                    .setSeal(withdrawal.seal())
                    .build();
        }
        return ArticleUnpublished.newBuilder()
                .setEventId(withdrawal.eventId())
                .setArticleId(withdrawal.articleId())
                .setRevision(withdrawal.revision())
                .setSlug(withdrawal.slug())
                .setUrl(withdrawal.url())
                .setReason(withdrawal.reason())
                .setDecidedBy(toEvent(withdrawal.decidedBy()))
                .setDecidedAt(withdrawal.decidedAt())
                .setSeal(withdrawal.seal())
                .build();
    }

    public static WithdrawnArticle toDomain(ArticleRetracted event) {
        return new WithdrawnArticle(
                event.getEventId(),
                event.getArticleId(),
                WithdrawalKind.RETRACTED,
                event.getRevision(),
                event.getSlug(),
                event.getTitle(),
                event.getUrl(),
                event.getReason(),
                reviewer(event.getDecidedBy()),
                event.getDecidedAt(),
                event.getSeal());
    }

    public static WithdrawnArticle toDomain(ArticleUnpublished event) {
        return new WithdrawnArticle(
                event.getEventId(),
                event.getArticleId(),
                WithdrawalKind.UNPUBLISHED,
                event.getRevision(),
                event.getSlug(),
                null,
                event.getUrl(),
                event.getReason(),
                reviewer(event.getDecidedBy()),
                event.getDecidedAt(),
                event.getSeal());
    }

    /** Review's re-review notice, its signature verified by the inbound step. */
    public static ReReview toDomain(ArticleReviewStatus event) {
        if (event.getArticleId() == null || event.getSlug() == null || event.getApprovedAt() == null) {
            throw new PoisonEventException(
                    "ArticleReviewStatus " + event.getEventId() + " lacks its article id, slug or approval time");
        }
        return new ReReview(
                event.getEventId(),
                event.getArticleId(),
                ReReviewKind.valueOf(event.getStatus().name()),
                event.getRevision(),
                event.getContentHash(),
                event.getSlug(),
                event.getApprovedAt(),
                event.getReviewBy(),
                event.getReason(),
                event.getLibraryKey(),
                event.getAt());
    }

    /** The public event of a re-review notice: ArticleReviewDue or ArticleReviewExpired. */
    public static SpecificRecordBase toEvent(ReReviewNotice notice) {
        if (notice.kind() == ReReviewKind.DUE) {
            return ArticleReviewDue.newBuilder()
                    .setEventId(notice.eventId())
                    .setArticleId(notice.articleId())
                    .setRevision(notice.revision())
                    .setContentHash(notice.contentHash())
                    .setSlug(notice.slug())
                    .setUrl(notice.url())
                    .setLastReviewedAt(notice.lastReviewedAt())
                    .setReviewBy(notice.reviewBy())
                    .setReason(notice.reason())
                    .setLibraryKey(notice.libraryKey())
                    .setDueAt(notice.at())
                    .setSeal(notice.seal())
                    .build();
        }
        return ArticleReviewExpired.newBuilder()
                .setEventId(notice.eventId())
                .setArticleId(notice.articleId())
                .setRevision(notice.revision())
                .setContentHash(notice.contentHash())
                .setSlug(notice.slug())
                .setUrl(notice.url())
                .setLastReviewedAt(notice.lastReviewedAt())
                .setReviewBy(notice.reviewBy())
                .setReason(notice.reason())
                .setExpiredAt(notice.at())
                .setPolicy(org.vetted.events.OverduePolicy.valueOf(
                        (notice.policy() == null ? OverduePolicy.KEEP : notice.policy()).name()))
                .setSeal(notice.seal())
                .build();
    }

    public static ReReviewNotice toDomain(ArticleReviewDue event) {
        return new ReReviewNotice(
                event.getEventId(),
                event.getArticleId(),
                ReReviewKind.DUE,
                event.getRevision(),
                event.getContentHash(),
                event.getSlug(),
                event.getUrl(),
                event.getLastReviewedAt(),
                event.getReviewBy(),
                event.getReason(),
                event.getLibraryKey(),
                event.getDueAt(),
                null,
                event.getSeal());
    }

    public static ReReviewNotice toDomain(ArticleReviewExpired event) {
        return new ReReviewNotice(
                event.getEventId(),
                event.getArticleId(),
                ReReviewKind.EXPIRED,
                event.getRevision(),
                event.getContentHash(),
                event.getSlug(),
                event.getUrl(),
                event.getLastReviewedAt(),
                event.getReviewBy(),
                event.getReason(),
                null,
                event.getExpiredAt(),
                OverduePolicy.valueOf(event.getPolicy().name()),
                event.getSeal());
    }

    private static List<Author> authors(List<org.vetted.events.Author> authors) {
        return authors == null
                ? List.of()
                : authors.stream()
                        .map(author -> new Author(author.getUsername(), author.getDisplayName()))
                        .toList();
    }

    private static List<String> tags(List<String> tags) {
        return tags == null ? List.of() : List.copyOf(tags);
    }

    private static List<Reviewer> reviewers(List<org.vetted.events.Reviewer> reviewers) {
        return reviewers == null
                ? List.of()
                : reviewers.stream().map(EventMapper::reviewer).toList();
    }

    private static List<ClaimProvenance> provenance(List<org.vetted.events.ClaimProvenance> provenance) {
        return provenance == null
                ? List.of()
                : provenance.stream()
                        .map(claim -> new ClaimProvenance(
                                claim.getClaimId(),
                                claim.getSentence(),
                                claim.getSection(),
                                claim.getApprovals().stream()
                                        .map(approval -> new ClaimProvenance.ClaimApproval(
                                                reviewer(approval.getReviewer()),
                                                approval.getDecidedAt(),
                                                approval.getRevision(),
                                                approval.getReference(),
                                                approval.getReferenceUrl(),
                                                approval.getLibraryKey()))
                                        .toList()))
                        .toList();
    }

    /** Field for field, so a stored page's record verifies again with the seal it was read with. */
    private static org.vetted.events.ClaimProvenance toEvent(ClaimProvenance claim) {
        return org.vetted.events.ClaimProvenance.newBuilder()
                .setClaimId(claim.claimId())
                .setSentence(claim.sentence())
                .setSection(claim.section())
                .setApprovals(claim.approvals().stream()
                        .map(approval -> org.vetted.events.ClaimApproval.newBuilder()
                                .setReviewer(toEvent(approval.reviewer()))
                                .setDecidedAt(approval.decidedAt())
                                .setRevision(approval.revision())
                                .setReference(approval.reference())
                                .setReferenceUrl(approval.referenceUrl())
                                .setLibraryKey(approval.libraryKey())
                                .build())
                        .toList())
                .build();
    }

    private static org.vetted.events.Reviewer toEvent(Reviewer reviewer) {
        return new org.vetted.events.Reviewer(reviewer.username(), reviewer.displayName(), reviewer.credential());
    }

    private static Reviewer reviewer(org.vetted.events.Reviewer reviewer) {
        return new Reviewer(reviewer.getUsername(), reviewer.getDisplayName(), reviewer.getCredential());
    }

    private EventMapper() {}
}
