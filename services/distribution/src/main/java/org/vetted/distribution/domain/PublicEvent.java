package org.vetted.distribution.domain;

/** A record of the public topic: a publication, a withdrawal or a re-review notice of an article. */
public sealed interface PublicEvent permits PublishedArticle, WithdrawnArticle, ReReviewNotice {
    String eventId();

    String articleId();
}
