package org.vetted.intake.domain;

import java.time.Instant;
import java.util.List;

/** A fact about an article, as the status projection needs it. {@code eventId} makes applying it idempotent. */
public sealed interface ArticleEvent {
    String eventId();

    String articleId();

    int revision();

    Instant at();

    String event();

    ArticleStatus status();

    String actor();

    String detail();

    /** A revision was submitted (by intake itself, or read back from article.draft-submitted). */
    record DraftRecorded(String eventId, String articleId, int revision, Instant at, String slug, String title,
                         String contentHash, List<Author> authors, String actor, String detail) implements ArticleEvent {
        public DraftRecorded {
            authors = List.copyOf(authors);
        }

        @Override
        public String event() {
            return "DraftSubmitted";
        }

        @Override
        public ArticleStatus status() {
            return ArticleStatus.SUBMITTED;
        }
    }

    /** Review, rendering or distribution moved a revision on. */
    record StatusChanged(String eventId, String articleId, int revision, Instant at, String event,
                         ArticleStatus status, String actor, String detail) implements ArticleEvent {
    }
}
