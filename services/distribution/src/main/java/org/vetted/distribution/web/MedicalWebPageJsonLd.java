package org.vetted.distribution.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vetted.distribution.app.PageStore;
import org.vetted.distribution.domain.Author;
import org.vetted.distribution.domain.ClaimProvenance;
import org.vetted.distribution.domain.Correction;
import org.vetted.distribution.domain.PublishedArticle;
import org.vetted.distribution.domain.Reviewer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schema.org {@code MedicalWebPage} of an article page, as JSON-LD for a {@code <script type="application/ld+json">}
 * block: name, url, the dates (first publication, this revision, the medical review), every credited reviewer as a
 * {@code Person} with the credential, the authors, and the references the reviewers attached as citations. Built by
 * Jackson, then made safe to stand in an HTML script element: {@code <}, {@code >} and {@code &} are written as
 * JSON escapes (so no text can close the element or open a comment), and so are U+2028 and U+2029 (which end a line in
 * older JavaScript). Only data: the page's Content-Security-Policy runs no script, and this is none.
 */
final class MedicalWebPageJsonLd {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static String of(PageStore.Page page, String siteTitle) {
        return of(page, siteTitle, null);
    }

    /** With the re-review notice the page shows, if any: an overdue review is the work's status, with its reason. */
    static String of(PageStore.Page page, String siteTitle, ReReviewView reReview) {
        PublishedArticle article = page.article();
        ObjectNode root = JSON.createObjectNode();
        root.put("@context", "https://schema.org");
        root.put("@type", "MedicalWebPage");
        root.put("name", article.title());
        root.put("headline", article.title());
        if (article.summary() != null && !article.summary().isBlank()) {
            root.put("description", article.summary());
        }
        root.put("url", article.url());
        root.put("inLanguage", "en");
        root.put("datePublished", page.firstPublishedAt().toString());
        root.put("dateModified", article.publishedAt().toString());
        root.put("lastReviewed", article.medicallyReviewedAt().toString());
        ArrayNode reviewedBy = root.putArray("reviewedBy");
        for (Reviewer reviewer : article.credited()) {
            ObjectNode person = reviewedBy.addObject();
            person.put("@type", "Person");
            person.put("name", reviewer.displayName());
            if (reviewer.credential() != null && !reviewer.credential().isBlank()) {
                ObjectNode credential = person.putObject("hasCredential");
                credential.put("@type", "EducationalOccupationalCredential");
                credential.put("name", reviewer.credential());
                credential.put("credentialCategory", "professional qualification");
            }
        }
        ArrayNode authors = root.putArray("author");
        for (Author author : article.authors()) {
            ObjectNode person = authors.addObject();
            person.put("@type", "Person");
            person.put("name", author.displayName());
        }
        Map<String, ObjectNode> citations = new LinkedHashMap<>();
        for (ClaimProvenance claim : article.claimProvenance()) {
            for (ClaimProvenance.ClaimApproval approval : claim.approvals()) {
                if (approval.reference() == null || approval.reference().isBlank()) {
                    continue;
                }
                citations.computeIfAbsent(approval.reference(), text -> {
                    ObjectNode work = JSON.createObjectNode();
                    work.put("@type", "CreativeWork");
                    work.put("name", text);
                    approval.link().ifPresent(url -> work.put("url", url));
                    return work;
                });
            }
        }
        if (!citations.isEmpty()) {
            root.putArray("citation").addAll(citations.values());
        }
        if (!article.tags().isEmpty()) {
            root.put("keywords", String.join(", ", article.tags()));
        }
        ObjectNode publisher = root.putObject("publisher");
        publisher.put("@type", "Organization");
        publisher.put("name", siteTitle);
        // schema.org's CorrectionComment for each correction note (oldest first) and for a retraction notice.
        ArrayNode corrections = JSON.createArrayNode();
        for (Correction correction : page.corrections()) {
            ObjectNode notice = corrections.addObject();
            notice.put("@type", "CorrectionComment");
            notice.put("text", correction.note());
            notice.put("datePublished", correction.correctedAt().toString());
        }
        if (page.retracted()) {
            // The work's status too, so machines read it as retracted.
            root.put("creativeWorkStatus", "Retracted");
            ObjectNode notice = corrections.addObject();
            notice.put("@type", "CorrectionComment");
            notice.put("text", "Retracted: " + page.withdrawal().reason());
            notice.put("datePublished", page.withdrawal().decidedAt().toString());
        }
        if (reReview != null && reReview.overdue() && !page.retracted()) {
            // lastReviewed stays the last review; schema.org's status and expires say it is overdue, and since when
            // (the reason is in the signed article API, which schema.org has no property for).
            root.put("creativeWorkStatus", "MedicalReviewOverdue");
            root.put("expires", reReview.reviewByIso());
        }
        if (corrections.size() == 1) {
            root.set("correction", corrections.get(0));
        } else if (corrections.size() > 1) {
            root.set("correction", corrections);
        }
        return forScriptElement(JSON.writeValueAsString(root));
    }

    /** JSON that stays data inside {@code <script>}: the characters HTML or old JavaScript parsers read specially, escaped. */
    static String forScriptElement(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private MedicalWebPageJsonLd() {}
}
