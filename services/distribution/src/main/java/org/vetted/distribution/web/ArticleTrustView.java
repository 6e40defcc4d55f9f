package org.vetted.distribution.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vetted.contract.MedicalCredits;
import org.vetted.distribution.app.PageStore;
import org.vetted.distribution.domain.ClaimProvenance;
import org.vetted.distribution.domain.PublishedArticle;
import org.vetted.distribution.domain.Reviewer;

/**
 * What an article page shows about its review, besides the article: the medical disclaimer, who reviewed it with
 * their credentials, when it was published and last reviewed, the references the reviewers attached and, claim by
 * claim, how it was reviewed. Every field is text escaped by the template; a reference is a link only when
 * {@code SafeLink} admits its URL (http or https, a host, no user name).
 *
 * @param reviewers    everyone credited, the signer first: "Rita Reyes, MD"
 * @param references   each reference once, in the order the claims cite them
 * @param claims       how each claim was reviewed, in the order of the text (empty for publications made before the
 *                     contract carried it)
 */
record ArticleTrustView(
        String disclaimer,
        List<String> reviewers,
        String publishedOn,
        String publishedAtIso,
        String lastReviewedOn,
        String lastReviewedAtIso,
        List<Link> references,
        List<ClaimView> claims) {

    /** A reference: its text, and its URL when it may be linked (else null: shown as text). */
    record Link(String text, String url) {}

    record ClaimView(String sentence, String section, List<ApprovalView> approvals) {}

    /**
     * One approval of a claim. {@code earlierRevision}: the revision it was made on when that is earlier than the
     * published one (an approval carried over), else 0. {@code fromLibrary}: the reviewer accepted it from the claims
     * library (an earlier approval of the same sentence, with its reference).
     */
    record ApprovalView(
            String reviewer,
            String decidedOn,
            String decidedAtIso,
            int earlierRevision,
            Link reference,
            boolean fromLibrary) {}

    static ArticleTrustView of(PageStore.Page page, ZoneId zone, String disclaimer) {
        PublishedArticle article = page.article();
        DateTimeFormatter day = ArticleView.DAY.withZone(zone);
        Map<String, Link> references = new LinkedHashMap<>();
        List<ClaimView> claims = new ArrayList<>();
        for (ClaimProvenance claim : article.claimProvenance()) {
            List<ApprovalView> approvals = new ArrayList<>();
            for (ClaimProvenance.ClaimApproval approval : claim.approvals()) {
                Link reference =
                        approval.reference() == null || approval.reference().isBlank()
                                ? null
                                : new Link(approval.reference(), approval.link().orElse(null));
                if (reference != null) {
                    references.putIfAbsent(reference.text(), reference);
                }
                approvals.add(new ApprovalView(
                        credited(approval.reviewer()),
                        day.format(approval.decidedAt()),
                        approval.decidedAt().toString(),
                        approval.revision() < article.revision() ? approval.revision() : 0,
                        reference,
                        approval.libraryKey() != null));
            }
            claims.add(new ClaimView(claim.sentence(), claim.section(), approvals));
        }
        Instant reviewedAt = article.medicallyReviewedAt();
        return new ArticleTrustView(
                disclaimer,
                article.credited().stream().map(ArticleTrustView::credited).toList(),
                day.format(page.firstPublishedAt()),
                page.firstPublishedAt().toString(),
                day.format(reviewedAt),
                reviewedAt.toString(),
                List.copyOf(references.values()),
                claims);
    }

    /** "Rita Reyes, MD", as the byline writes it. */
    static String credited(Reviewer reviewer) {
        return MedicalCredits.nameWithCredential(reviewer.displayName(), reviewer.credential());
    }
}
