package org.vetted.distribution.web;

/** The article under the slug asked for was taken down: 410 Gone. */
class ArticleGoneException extends RuntimeException {
    private final String slug;

    ArticleGoneException(String slug) {
        super("the article under this slug was taken down", null, false, false);
        this.slug = slug;
    }

    String slug() {
        return slug;
    }
}
