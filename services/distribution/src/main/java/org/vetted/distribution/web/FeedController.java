package org.vetted.distribution.web;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vetted.distribution.app.PageStore;
import org.vetted.distribution.config.DistributionProperties;
import org.vetted.distribution.domain.PublicSite;

/** {@code GET /feed.json}: the newest published articles as a JSON Feed 1.1. */
@RestController
class FeedController {
    static final String FEED_JSON = "application/feed+json";

    private final PageStore pages;
    private final PublicSite site;
    private final DistributionProperties properties;

    FeedController(PageStore pages, PublicSite site, DistributionProperties properties) {
        this.pages = pages;
        this.site = site;
        this.properties = properties;
    }

    @GetMapping(
            value = "/feed.json",
            produces = {FEED_JSON, MediaType.APPLICATION_JSON_VALUE})
    JsonFeed feed() {
        return JsonFeed.of(properties.feedTitle(), site, pages.newestFirstWithRetracted(properties.feedSize()));
    }
}
