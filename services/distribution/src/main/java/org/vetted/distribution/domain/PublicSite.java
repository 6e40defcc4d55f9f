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

    public String atomFeedUrl() {
        return baseUrl + "/feed.atom";
    }

    public String sitemapUrl() {
        return baseUrl + "/sitemap.xml";
    }

    /** Page {@code number} (from 1) of the sitemap. */
    public String sitemapPageUrl(long number) {
        return baseUrl + "/sitemaps/articles-" + number + ".xml";
    }

    /**
     * The lasting id of an article in feeds, whatever its slug or the site's address become: an IRI made from its
     * article id (percent-encoded).
     */
    public String entryId(String articleId) {
        return "urn:vetted:article:" + PathSegment.encode(articleId);
    }

    public String homePageUrl() {
        return baseUrl + "/";
    }
}
