package org.vetted.distribution.messaging;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.vetted.contract.Seals;
import org.vetted.events.Approval;
import org.vetted.events.ArticlePublished;
import org.vetted.events.ArticleRendered;

/**
 * The seals distribution checks and makes. On every rendering, first: the approval carries review's seal over the
 * article id, slug, authors, tags and the approval (revision, hash, byline); then the whole rendering carries
 * rendering's seal over everything published from it (id, revision, slug, title, summary, authors, tags, source,
 * source hash, exact HTML) and the approval's seal. Only those services hold the key, so with both seals valid what
 * goes live is what rendering produced from the text review approved, under the byline review sealed. What
 * distribution publishes it seals in turn, and the page store serves only records with that seal.
 */
final class Sealing {
    static final String APPROVAL_NOT_SEALED = "approval is not sealed by the review service";
    static final String HTML_NOT_SEALED = "HTML is not sealed by the rendering service";

    private final Seals seals;

    Sealing(Seals seals) {
        this.seals = seals;
    }

    /** Why the rendering may not be trusted, or empty when both seals hold. */
    Optional<String> refusal(ArticleRendered event) {
        Approval approval = event.getApproval();
        if (approval == null || event.getArticleId() == null || approval.getSignedOffBy() == null
                || !noneMissing(event.getAuthors()) || !noneMissing(event.getTags())
                || !noneMissing(approval.getClaimReviewers())
                || !seals.approvalIsSealed(event.getArticleId(), event.getSlug(), event.getAuthors(), event.getTags(),
                        approval)) {
            return Optional.of(APPROVAL_NOT_SEALED);
        }
        if (!seals.renderingIsSealed(event)) {
            return Optional.of(HTML_NOT_SEALED);
        }
        return Optional.empty();
    }

    /** The publication with distribution's seal over every field a reader sees; built unsealed, sealed here. */
    ArticlePublished seal(ArticlePublished published) {
        published.setSeal(seals.publication(published));
        return published;
    }

    /** Whether a record of the public topic carries distribution's valid seal: only those become pages. */
    boolean isSealed(ArticlePublished published) {
        return published.getMedicallyReviewedBy() != null && noneMissing(published.getAuthors())
                && noneMissing(published.getTags()) && seals.publicationIsSealed(published);
    }

    /** A decoded record never has these null; a hand-built one might, and must be refused rather than crash. */
    private static boolean noneMissing(List<?> values) {
        return values != null && values.stream().allMatch(Objects::nonNull);
    }
}
