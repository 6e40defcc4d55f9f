package org.vetted.distribution.domain;

/**
 * Where the public site is served ({@code vetted.public-base-url}, env {@code PUBLIC_BASE_URL}) and the one place
 * its URLs are made: article pages, the feed and the home page. A trailing slash of the base URL is dropped here,
 * once.
 */
public record PublicSite(String baseUrl) {
    public PublicSite {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The page of the article with this slug; the slug is percent-encoded as one path segment. */
    public String articleUrl(String slug) {
        return baseUrl + "/articles/" + PathSegment.encode(slug);
    }

    public String feedUrl() {
        return baseUrl + "/feed.json";
    }

    public String homePageUrl() {
        return baseUrl + "/";
    }
}
