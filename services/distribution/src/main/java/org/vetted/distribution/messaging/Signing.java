package org.vetted.distribution.messaging;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.vetted.contract.signing.Signatures;
import org.vetted.events.Approval;
import org.vetted.events.ArticlePublished;
import org.vetted.events.ArticleRendered;

/**
 * The signatures distribution checks and makes. On every rendering: rendering's signature over the whole event
 * (id, revision, slug, title, summary, authors, tags, source, source hash, exact HTML, the approval with its
 * signature), and review's signature on the approval (article id, revision, hash, byline). Distribution holds only
 * their public keys, so with both valid what goes live is what rendering produced from the text review approved,
 * under the byline review signed. What distribution publishes it signs in turn with its own key; the page store
 * takes only records with that signature, and checks it again on every page it reads back.
 */
public final class Signing {
    private final Signatures signatures;

    public Signing(Signatures signatures) {
        this.signatures = signatures;
    }

    /** Why the rendering may not be trusted, or empty when both signatures hold. */
    Optional<String> refusal(ArticleRendered event) {
        Approval approval = event.getApproval();
        if (approval == null || event.getArticleId() == null || approval.getSignedOffBy() == null
                || !noneMissing(event.getAuthors()) || !noneMissing(event.getTags())
                || !noneMissing(approval.getClaimReviewers())) {
            return Optional.of("the rendering or its approval is incomplete");
        }
        return signatures.problem(event);
    }

    /** The publication with distribution's signature over every field; built unsigned, signed here. */
    ArticlePublished sign(ArticlePublished published) {
        return signatures.sign(published);
    }

    /**
     * Why a record of the public topic, or a page read back from the store, is not distribution's, or empty: only
     * signed records become pages, and only pages still signed are served.
     */
    public Optional<String> refusal(ArticlePublished published) {
        if (published.getMedicallyReviewedBy() == null || !noneMissing(published.getAuthors())
                || !noneMissing(published.getTags())) {
            return Optional.of("the publication is incomplete");
        }
        return signatures.problem(published);
    }

    /** A decoded record never has these null; a hand-built one might, and must be refused rather than crash. */
    private static boolean noneMissing(List<?> values) {
        return values != null && values.stream().allMatch(Objects::nonNull);
    }
}
