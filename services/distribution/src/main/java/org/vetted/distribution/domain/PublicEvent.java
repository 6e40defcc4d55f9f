package org.vetted.distribution.domain;

/** A record of the public topic: a publication or a withdrawal of an article. */
public sealed interface PublicEvent permits PublishedArticle, WithdrawnArticle {
    String eventId();

    String articleId();
}
