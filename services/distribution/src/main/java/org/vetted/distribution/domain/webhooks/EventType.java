package org.vetted.distribution.domain.webhooks;

import java.util.Arrays;
import java.util.Optional;

/** The events a subscription may ask for, by the names receivers see in the payload's {@code type}. */
public enum EventType {
    ARTICLE_PUBLISHED("article.published"),
    ARTICLE_CORRECTED("article.corrected"),
    ARTICLE_RETRACTED("article.retracted"),
    ARTICLE_UNPUBLISHED("article.unpublished"),
    ARTICLE_REVIEW_DUE("article.review-due"),
    ARTICLE_REVIEW_EXPIRED("article.review-expired");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The type of a name exactly as listed (no case folding, no trimming: a name is a contract). */
    public static Optional<EventType> named(String name) {
        return Arrays.stream(values())
                .filter(type -> type.wireName.equals(name))
                .findFirst();
    }
}
