package org.vetted.distribution.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.web.util.HtmlUtils;
import org.vetted.distribution.app.PageStore;
import org.vetted.distribution.domain.PublicSite;
import org.vetted.distribution.domain.PublishedArticle;
import org.vetted.distribution.domain.WithdrawnArticle;

/** A JSON Feed 1.1 document (https://jsonfeed.org/version/1.1). */
@JsonInclude(JsonInclude.Include.NON_NULL)
record JsonFeed(
        String version,
        String title,
        @JsonProperty("home_page_url") String homePageUrl,
        @JsonProperty("feed_url") String feedUrl,
        String language,
        List<Item> items) {
    static final String VERSION = "https://jsonfeed.org/version/1.1";

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Item(
            String id,
            String url,
            String title,
            @JsonProperty("content_html") String contentHtml,
            String summary,
            @JsonProperty("date_published") String datePublished,
            @JsonProperty("date_modified") String dateModified,
            List<Author> authors,
            List<String> tags,
            @JsonProperty("_medical_review") MedicalReview medicalReview,
            @JsonProperty("_retraction") Retraction retraction,
            @JsonProperty("_corrections") List<Correction> corrections) {}

    /**
     * A JSON Feed extension on a corrected item: every correction of the article, oldest first, each with the note
     * review approved and when the corrected revision went public. The content starts with the latest note.
     */
    record Correction(
            String note,
            int revision,
            @JsonProperty("corrected_at") String correctedAt) {}

    /**
     * A JSON Feed extension on a retracted item: why, who decided and when. The item stays in the feed (readers who
     * saw it learn of the retraction), its title starts "Retracted: " and its content with the notice.
     */
    record Retraction(
            String reason,
            @JsonProperty("decided_by") Reviewer decidedBy,
            @JsonProperty("decided_at") String decidedAt) {}

    /**
     * A JSON Feed extension (its keys start with an underscore, which readers that do not know it ignore): who
     * medically reviewed the item, the signer first, and when the approval was given.
     */
    record MedicalReview(
            List<Reviewer> reviewers,
            @JsonProperty("reviewed_at") String reviewedAt) {}

    record Reviewer(String name, String credential) {}

    record Author(String name) {}

    static JsonFeed of(String title, PublicSite site, List<PageStore.Page> pages) {
        return new JsonFeed(
                VERSION,
                title,
                site.homePageUrl(),
                site.feedUrl(),
                "en",
                pages.stream().map(JsonFeed::item).toList());
    }

    private static Item item(PageStore.Page page) {
        PublishedArticle article = page.article();
        WithdrawnArticle retracted = page.retracted() ? page.withdrawal() : null;
        return new Item(
                article.articleId(),
                article.url(),
                retracted == null ? article.title() : "Retracted: " + article.title(),
                (retracted == null ? "" : notice(retracted))
                        + page.latestCorrection().map(JsonFeed::notice).orElse("")
                        + article.html(),
                article.summary(),
                DateTimeFormatter.ISO_INSTANT.format(page.firstPublishedAt()),
                DateTimeFormatter.ISO_INSTANT.format(retracted == null ? article.publishedAt() : retracted.decidedAt()),
                article.authors().stream()
                        .map(author -> new Author(author.displayName()))
                        .toList(),
                article.tags(),
                new MedicalReview(
                        article.credited().stream()
                                .map(reviewer -> new Reviewer(reviewer.displayName(), reviewer.credential()))
                                .toList(),
                        DateTimeFormatter.ISO_INSTANT.format(article.medicallyReviewedAt())),
                retracted == null
                        ? null
                        : new Retraction(
                                retracted.reason(),
                                new Reviewer(
                                        retracted.decidedBy().displayName(),
                                        retracted.decidedBy().credential()),
                                DateTimeFormatter.ISO_INSTANT.format(retracted.decidedAt())),
                page.corrections().stream()
                        .map(correction -> new Correction(
                                correction.note(),
                                correction.revision(),
                                DateTimeFormatter.ISO_INSTANT.format(correction.correctedAt())))
                        .toList());
    }

    /** The latest correction's note ahead of a corrected item's content, escaped, as it is text. */
    private static String notice(org.vetted.distribution.domain.Correction correction) {
        return "<p><strong>Corrected</strong> on "
                + DateTimeFormatter.ISO_LOCAL_DATE.format(
                        correction.correctedAt().atOffset(ZoneOffset.UTC))
                + ": " + HtmlUtils.htmlEscape(correction.note()) + "</p>";
    }

    /** The notice ahead of a retracted item's content; the reason is escaped, as it is text. */
    private static String notice(WithdrawnArticle retracted) {
        return "<p><strong>Retracted</strong> on "
                + DateTimeFormatter.ISO_LOCAL_DATE.format(retracted.decidedAt().atOffset(ZoneOffset.UTC))
                + ": " + HtmlUtils.htmlEscape(retracted.reason()) + "</p>";
    }
}
