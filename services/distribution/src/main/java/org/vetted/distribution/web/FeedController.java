package org.vetted.distribution.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vetted.distribution.app.PageStore;
import org.vetted.distribution.config.DistributionProperties;
import org.vetted.distribution.domain.OverduePolicy;
import org.vetted.distribution.domain.PublicSite;

/**
 * {@code GET /feed.json}: the newest published articles as a JSON Feed 1.1 (under the overdue policy
 * {@code unpublish}, without those whose review is overdue).
 */
@RestController
class FeedController {
    static final String FEED_JSON = "application/feed+json";

    private final PageStore pages;
    private final PublicSite site;
    private final DistributionProperties properties;
    private final OverduePolicy overduePolicy;

    FeedController(
            PageStore pages,
            PublicSite site,
            DistributionProperties properties,
            @Value("${vetted.distribution.overdue-policy:keep}") String overduePolicy) {
        this.overduePolicy = OverduePolicy.of(overduePolicy);
        this.pages = pages;
        this.site = site;
        this.properties = properties;
    }

    @GetMapping(
            value = "/feed.json",
            produces = {FEED_JSON, MediaType.APPLICATION_JSON_VALUE})
    JsonFeed feed() {
        return JsonFeed.of(
                properties.feedTitle(),
                site,
                ReReviewView.listed(
                        pages, pages.newestFirstWithRetracted(properties.feedSize()), overduePolicy, false));
    }
}
