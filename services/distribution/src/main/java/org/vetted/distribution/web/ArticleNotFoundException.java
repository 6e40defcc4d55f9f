package org.vetted.distribution.web;

/** No published article has the slug asked for. */
class ArticleNotFoundException extends RuntimeException {
    private final String slug;

    ArticleNotFoundException(String slug) {
        super("no published article has this slug", null, false, false);
        this.slug = slug;
    }

    String slug() {
        return slug;
    }
}
