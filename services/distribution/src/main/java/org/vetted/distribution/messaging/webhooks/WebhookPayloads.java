package org.vetted.distribution.messaging.webhooks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecordBase;
import org.vetted.contract.Corrections;
import org.vetted.distribution.domain.webhooks.EventType;
import org.vetted.distribution.domain.webhooks.WebhookEvent;
import org.vetted.events.ArticleCorrected;
import org.vetted.events.ArticlePublished;
import org.vetted.events.ArticleRetracted;
import org.vetted.events.ArticleReviewDue;
import org.vetted.events.ArticleReviewExpired;
import org.vetted.events.ArticleUnpublished;
import org.vetted.events.Reviewer;
import tools.jackson.databind.json.JsonMapper;

/**
 * From a verified record of article.published to the webhook every subscriber to its type receives: one entry per
 * record type, so a new record on the topic is one line here. The body follows the Standard Webhooks convention,
 * {@code {"type": ..., "timestamp": ..., "data": {...}}}, and is made once (minimised JSON), so every attempt sends
 * the bytes it signs.
 * <p>
 * {@code data} holds what a downstream site needs to show or link the article (id, revision, slug, title, summary,
 * url, the credited reviewers by name and credential, content hash, times), not the HTML: a body of up to 4 MiB
 * per subscriber and attempt would weigh on every receiver and on the outbox, and the signed article is one GET away
 * ({@code /api/articles/{slug}}). Usernames stay inside: reviewers are named as the pages name them.
 */
public final class WebhookPayloads {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How one record type becomes a webhook. */
    record Mapping<R extends SpecificRecordBase>(
            Class<R> recordType,
            EventType type,
            Function<R, String> eventId,
            Function<R, String> articleId,
            Function<R, Instant> occurredAt,
            Function<R, Map<String, Object>> data) {}

    /**
     * The table: record type -> event type, the event's time and its data. A record added to article.published is
     * one more entry.
     */
    static final List<Mapping<?>> MAPPINGS = List.of(
            new Mapping<>(
                    ArticlePublished.class,
                    EventType.ARTICLE_PUBLISHED,
                    ArticlePublished::getEventId,
                    ArticlePublished::getArticleId,
                    ArticlePublished::getPublishedAt,
                    WebhookPayloads::published),
            new Mapping<>(
                    ArticleCorrected.class,
                    EventType.ARTICLE_CORRECTED,
                    ArticleCorrected::getEventId,
                    ArticleCorrected::getArticleId,
                    ArticleCorrected::getCorrectedAt,
                    WebhookPayloads::corrected),
            new Mapping<>(
                    ArticleRetracted.class,
                    EventType.ARTICLE_RETRACTED,
                    ArticleRetracted::getEventId,
                    ArticleRetracted::getArticleId,
                    ArticleRetracted::getDecidedAt,
                    WebhookPayloads::retracted),
            new Mapping<>(
                    ArticleUnpublished.class,
                    EventType.ARTICLE_UNPUBLISHED,
                    ArticleUnpublished::getEventId,
                    ArticleUnpublished::getArticleId,
                    ArticleUnpublished::getDecidedAt,
                    WebhookPayloads::unpublished),
            new Mapping<>(
                    ArticleReviewDue.class,
                    EventType.ARTICLE_REVIEW_DUE,
                    ArticleReviewDue::getEventId,
                    ArticleReviewDue::getArticleId,
                    ArticleReviewDue::getDueAt,
                    WebhookPayloads::reviewDue),
            new Mapping<>(
                    ArticleReviewExpired.class,
                    EventType.ARTICLE_REVIEW_EXPIRED,
                    ArticleReviewExpired::getEventId,
                    ArticleReviewExpired::getArticleId,
                    ArticleReviewExpired::getExpiredAt,
                    WebhookPayloads::reviewExpired));

    private WebhookPayloads() {}

    /** The webhook of a verified record, or empty for a record type no webhook is made of. */
    public static Optional<WebhookEvent> of(SpecificRecordBase record) {
        return MAPPINGS.stream()
                .filter(mapping -> mapping.recordType().isInstance(record))
                .findFirst()
                .map(mapping -> event(mapping, record));
    }

    private static <R extends SpecificRecordBase> WebhookEvent event(Mapping<R> mapping, SpecificRecordBase record) {
        R typed = mapping.recordType().cast(record);
        Instant occurredAt = mapping.occurredAt().apply(typed);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", mapping.type().wireName());
        body.put("timestamp", occurredAt.toString());
        body.put("data", mapping.data().apply(typed));
        return new WebhookEvent(
                mapping.eventId().apply(typed),
                mapping.articleId().apply(typed),
                mapping.type(),
                occurredAt,
                JSON.writeValueAsString(body));
    }

    /** The article stays readable, marked retracted: the site shows the notice with the reason. */
    static Map<String, Object> retracted(ArticleRetracted event) {
        Map<String, Object> data = withdrawal(
                event.getArticleId(),
                event.getRevision(),
                event.getSlug(),
                event.getUrl(),
                event.getReason(),
                event.getDecidedBy(),
                event.getDecidedAt());
        data.put("title", event.getTitle());
        return data;
    }

    /** The article is gone: the site removes it (no title: it may be why it was taken down). */
    static Map<String, Object> unpublished(ArticleUnpublished event) {
        return withdrawal(
                event.getArticleId(),
                event.getRevision(),
                event.getSlug(),
                event.getUrl(),
                event.getReason(),
                event.getDecidedBy(),
                event.getDecidedAt());
    }

    /** The medical review is due: the article stays; a site may say so. */
    static Map<String, Object> reviewDue(ArticleReviewDue event) {
        Map<String, Object> data = reReview(
                event.getArticleId(),
                event.getRevision(),
                event.getSlug(),
                event.getUrl(),
                event.getLastReviewedAt(),
                event.getReviewBy(),
                event.getReason());
        data.put("libraryKey", event.getLibraryKey());
        data.put("dueAt", event.getDueAt().toString());
        return data;
    }

    /** The medical review expired: the site keeps the last review date and says the review is overdue. */
    static Map<String, Object> reviewExpired(ArticleReviewExpired event) {
        Map<String, Object> data = reReview(
                event.getArticleId(),
                event.getRevision(),
                event.getSlug(),
                event.getUrl(),
                event.getLastReviewedAt(),
                event.getReviewBy(),
                event.getReason());
        data.put("expiredAt", event.getExpiredAt().toString());
        data.put("policy", event.getPolicy().name().toLowerCase(java.util.Locale.ROOT));
        return data;
    }

    private static Map<String, Object> reReview(
            String articleId,
            int revision,
            String slug,
            String url,
            Instant lastReviewedAt,
            Instant reviewBy,
            String reason) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("articleId", articleId);
        data.put("revision", revision);
        data.put("slug", slug);
        data.put("url", url);
        data.put("lastReviewedAt", lastReviewedAt.toString());
        data.put("reviewBy", reviewBy.toString());
        data.put("reason", reason);
        return data;
    }

    private static Map<String, Object> withdrawal(
            String articleId,
            int revision,
            String slug,
            String url,
            String reason,
            org.vetted.events.Reviewer decidedBy,
            Instant decidedAt) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("articleId", articleId);
        data.put("revision", revision);
        data.put("slug", slug);
        data.put("url", url);
        data.put("reason", reason);
        Map<String, Object> by = new LinkedHashMap<>();
        by.put("name", decidedBy.getDisplayName());
        by.put("credential", decidedBy.getCredential());
        data.put("decidedBy", by);
        data.put("decidedAt", decidedAt.toString());
        return data;
    }

    static Map<String, Object> published(ArticlePublished event) {
        return publication(
                event.getArticleId(),
                event.getRevision(),
                event.getSlug(),
                event.getTitle(),
                event.getSummary(),
                event.getUrl(),
                event.getMedicalReviewers().isEmpty()
                        ? List.of(event.getMedicallyReviewedBy())
                        : event.getMedicalReviewers(),
                event.getMedicallyReviewedAt(),
                event.getContentHash(),
                event.getPublishedAt());
    }

    /** A new revision replacing the page, with the note readers are shown and when it was corrected. */
    static Map<String, Object> corrected(ArticleCorrected event) {
        // The data of the publication the correction is, then the note.
        Map<String, Object> data = published(Corrections.asPublished(event));
        data.put("correction", event.getCorrection());
        data.put("correctedAt", event.getCorrectedAt().toString());
        return data;
    }

    private static Map<String, Object> publication(
            String articleId,
            int revision,
            String slug,
            String title,
            String summary,
            String url,
            List<Reviewer> credited,
            Instant medicallyReviewedAt,
            String contentHash,
            Instant publishedAt) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("articleId", articleId);
        data.put("revision", revision);
        data.put("slug", slug);
        data.put("title", title);
        data.put("summary", summary);
        data.put("url", url);
        // Everyone credited, as the pages credit them: the list, or the signer alone in publications before v3.
        data.put(
                "reviewers",
                credited.stream()
                        .map(reviewer -> {
                            Map<String, Object> person = new LinkedHashMap<>();
                            person.put("name", reviewer.getDisplayName());
                            person.put("credential", reviewer.getCredential());
                            return person;
                        })
                        .toList());
        data.put("medicallyReviewedAt", medicallyReviewedAt.toString());
        data.put("contentHash", contentHash);
        data.put("publishedAt", publishedAt.toString());
        return data;
    }
}
