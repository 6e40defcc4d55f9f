package org.vetted.intake.web;

import org.vetted.intake.domain.articles.ArticleListing;

/**
 * The {@code limit} and {@code cursor} query parameters of a list of articles (GET /api/articles and the "My
 * articles" page), checked: a limit from 1 to {@link ArticleListing#MAX_LIMIT} (default
 * {@link ArticleListing#DEFAULT_LIMIT}) and a cursor the listing handed out.
 */
public record ListingRequest(int limit, ArticleListing.Cursor cursor) {

    /** A parameter that is not what the listing accepts; {@code parameter} names it for the answer. */
    public static final class BadParameter extends RuntimeException {
        private final String parameter;

        BadParameter(String parameter, String reason) {
            super(reason, null, false, false);
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }

    /** A parameter given empty counts as not given (a link built without it may still name it). */
    public static ListingRequest of(String limit, String cursor) {
        int size = ArticleListing.DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                size = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > ArticleListing.MAX_LIMIT) {
                throw new BadParameter("limit", "must be a whole number from 1 to " + ArticleListing.MAX_LIMIT);
            }
        }
        ArticleListing.Cursor after = null;
        if (cursor != null && !cursor.isBlank()) {
            after = ArticleListing.Cursor.decode(cursor.strip())
                    .orElseThrow(() -> new BadParameter("cursor", "must be the cursor of a page of this list (next)"));
        }
        return new ListingRequest(size, after);
    }
}
