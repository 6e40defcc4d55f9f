package org.vetted.distribution.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vetted.distribution.app.PageStore;
import org.vetted.distribution.config.DistributionProperties;
import org.vetted.distribution.domain.OverduePolicy;
import org.vetted.distribution.domain.PublicSite;

/** {@code GET /feed.atom}: the newest published articles as Atom 1.0, and the entries gone as tombstones. */
@RestController
class AtomFeedController {
    private final PageStore pages;
    private final PublicSite site;
    private final DistributionProperties properties;
    private final OverduePolicy overduePolicy;

    AtomFeedController(
            PageStore pages,
            PublicSite site,
            DistributionProperties properties,
            @Value("${vetted.distribution.overdue-policy:keep}") String overduePolicy) {
        this.overduePolicy = OverduePolicy.of(overduePolicy);
        this.pages = pages;
        this.site = site;
        this.properties = properties;
    }

    @GetMapping("/feed.atom")
    ResponseEntity<String> feed() {
        List<PageStore.Page> newest = pages.newestFirst(properties.feedSize());
        List<PageStore.DeletedEntry> deleted = new ArrayList<>(pages.deletedEntries(properties.feedSize()));
        // Under the unpublish policy an overdue article leaves the feed as a takedown does: as a tombstone.
        deleted.addAll(ReReviewView.goneFrom(pages, newest, overduePolicy, site));
        String atom = AtomFeed.of(
                properties.feedTitle(), site, ReReviewView.listed(pages, newest, overduePolicy, false), deleted);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(AtomFeed.ATOM_XML + ";charset=UTF-8"))
                .body(atom);
    }
}
