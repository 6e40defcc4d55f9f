package org.vetted.distribution.config;

/**
 * Where the public site is served ({@code vetted.public-base-url}, env {@code PUBLIC_BASE_URL}), without a
 * trailing slash: article URLs, the feed's home_page_url and feed_url start with it.
 */
public record PublicSite(String baseUrl) {
    public PublicSite {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String feedUrl() {
        return baseUrl + "/feed.json";
    }

    public String homePageUrl() {
        return baseUrl + "/";
    }
}
