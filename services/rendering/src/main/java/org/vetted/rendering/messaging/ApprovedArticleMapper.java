package org.vetted.rendering.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.vetted.contract.ContentHash;
import org.vetted.contract.MedicalCredits;
import org.vetted.contract.PoisonEventException;
import org.vetted.events.Approval;
import org.vetted.events.ArticleApproved;
import org.vetted.events.ArticleRendered;
import org.vetted.events.Reviewer;
import org.vetted.rendering.app.RenderApprovedArticle;
import org.vetted.rendering.domain.ApprovedArticle;
import org.vetted.rendering.domain.RenderResult;
import org.vetted.rendering.domain.SignOff;

/** Avro in, domain in; domain out, Avro out. The generated event classes stop here. */
final class ApprovedArticleMapper {

    static ApprovedArticle toDomain(ArticleApproved event) {
        Approval approval = event.getApproval();
        if (approval == null
                || event.getArticleId() == null
                || event.getTitle() == null
                || event.getBodyMarkdown() == null) {
            throw new PoisonEventException(
                    "ArticleApproved " + event.getEventId() + " lacks its article id, title, body or approval");
        }
        Reviewer reviewer = approval.getSignedOffBy();
        // Everyone the approval rests on is credited, the signer first; the signer is the byline's first name.
        List<SignOff.Reviewer> alsoReviewedBy = reviewer == null
                ? List.of()
                : MedicalCredits.of(approval).stream()
                        .skip(1)
                        .map(other -> new SignOff.Reviewer(other.getDisplayName(), other.getCredential()))
                        .toList();
        SignOff signOff = new SignOff(
                approval.getRevision(),
                approval.getContentHash(),
                reviewer == null ? null : new SignOff.Reviewer(reviewer.getDisplayName(), reviewer.getCredential()),
                approval.getApprovedAt(),
                alsoReviewedBy);
        return new ApprovedArticle(
                event.getArticleId(),
                event.getSlug(),
                event.getTitle(),
                event.getSummary(),
                event.getBodyMarkdown(),
                event.getTags(),
                ContentHash.reviewed(event).authors(),
                signOff,
                event.getCorrection(),
                event.getPublishAt());
    }

    /**
     * Everything the approval carried, the exact source that was rendered, its hash and the HTML. The event id is
     * derived from the approval's, so rendering the same approval twice yields the same id and readers that
     * deduplicate by event id see one rendering. {@code renderSeal} is left null: the seal covers the finished
     * event, so the outbound step sets it last.
     */
    static ArticleRendered toRendered(ArticleApproved approved, RenderApprovedArticle.Rendered rendering) {
        RenderResult.Rendered rendered = rendering.result();
        return ArticleRendered.newBuilder()
                .setEventId(renderedEventId(approved.getEventId()))
                .setArticleId(approved.getArticleId())
                .setRevision(approved.getApproval().getRevision())
                .setSlug(approved.getSlug())
                .setTitle(approved.getTitle())
                .setSummary(approved.getSummary())
                .setAuthors(approved.getAuthors())
                .setTags(approved.getTags())
                .setBodyMarkdown(approved.getBodyMarkdown())
                .setSourceHash(rendered.sourceHash())
                .setHtml(rendered.html())
                .setApproval(Approval.newBuilder(approved.getApproval()).build())
                .setRenderedAt(rendering.renderedAt())
                .setCorrection(approved.getCorrection())
                .setPublishAt(approved.getPublishAt())
                .setRenderSeal(null)
                .build();
    }

    static String renderedEventId(String approvedEventId) {
        return UUID.nameUUIDFromBytes(("article.rendered:" + approvedEventId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private ApprovedArticleMapper() {}
}
