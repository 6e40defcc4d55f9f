package org.vetted.distribution.web;

import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.vetted.distribution.app.PageStore;
import org.vetted.distribution.config.ArticlePageProperties;
import org.vetted.distribution.domain.OverduePolicy;
import org.vetted.distribution.domain.PublicSite;

/**
 * {@code GET /sitemap.xml}: a sitemap index; {@code GET /sitemaps/articles-{n}.xml}: page n of the article pages,
 * {@code sitemap-page-size} to a page in article id order (stable as articles are added). Each page reads a bounded
 * number of pages, each verified again; a page number beyond the listing, or not a number, is 404.
 */
@RestController
class SitemapController {
    private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

    private final PageStore pages;
    private final PublicSite site;
    private final int pageSize;
    private final OverduePolicy overduePolicy;

    SitemapController(
            PageStore pages,
            PublicSite site,
            ArticlePageProperties properties,
            @Value("${vetted.distribution.overdue-policy:keep}") String overduePolicy) {
        this.pages = pages;
        this.site = site;
        this.pageSize = properties.sitemapPageSize();
        this.overduePolicy = OverduePolicy.of(overduePolicy);
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<String> index() {
        return ResponseEntity.ok().contentType(XML).body(Sitemaps.index(site, sitemaps()));
    }

    @GetMapping("/sitemaps/articles-{number}.xml")
    ResponseEntity<String> page(@PathVariable String number) {
        if (!number.matches("[1-9][0-9]{0,8}") || Long.parseLong(number) > Math.max(1, sitemaps())) {
            throw new PageNotFoundException();
        }
        long page = Long.parseLong(number);
        List<PageStore.Page> listed = ReReviewView.listed(
                pages, pages.inArticleIdOrder((page - 1) * pageSize, pageSize), overduePolicy, true);
        Instant newest = page == 1
                ? pages.newestFirst(1).stream()
                        .map(p -> p.article().publishedAt())
                        .findFirst()
                        .orElse(null)
                : null;
        return ResponseEntity.ok().contentType(XML).body(Sitemaps.urls(site, listed, page == 1, newest));
    }

    private long sitemaps() {
        return (pages.count() + pageSize - 1) / pageSize;
    }
}
