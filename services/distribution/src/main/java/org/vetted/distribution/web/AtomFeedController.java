package org.vetted.distribution.web;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vetted.distribution.app.PageStore;
import org.vetted.distribution.config.DistributionProperties;
import org.vetted.distribution.domain.PublicSite;

/** {@code GET /feed.atom}: the newest published articles as Atom 1.0, and the entries gone as tombstones. */
@RestController
class AtomFeedController {
    private final PageStore pages;
    private final PublicSite site;
    private final DistributionProperties properties;

    AtomFeedController(PageStore pages, PublicSite site, DistributionProperties properties) {
        this.pages = pages;
        this.site = site;
        this.properties = properties;
    }

    @GetMapping("/feed.atom")
    ResponseEntity<String> feed() {
        String atom = AtomFeed.of(
                properties.feedTitle(),
                site,
                pages.newestFirst(properties.feedSize()),
                pages.deletedEntries(properties.feedSize()));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(AtomFeed.ATOM_XML + ";charset=UTF-8"))
                .body(atom);
    }
}
