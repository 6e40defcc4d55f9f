package org.vetted.review.app;

/** No revision of this article has reached review. */
public class UnknownArticleException extends RuntimeException {
    public UnknownArticleException(String articleId) {
        super("no article " + articleId + " under review");
    }
}
