package org.vetted.distribution.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vetted.distribution.app.LatestArticles;
import org.vetted.distribution.app.PageStore;
import org.vetted.distribution.config.DistributionProperties;
import org.vetted.distribution.domain.OverduePolicy;

/**
 * {@code GET /}: the front page, the latest articles newest first, each with its summary, who reviewed it and when
 * it was first published, and the feeds. Older articles are reached with {@code ?before=<cursor>}, newer ones with
 * {@code ?after=<cursor>} (opaque cursors the page links to); a listing past the end is 404, a malformed cursor 400.
 */
@Controller
class HomePageController {
    private final LatestArticles latest;
    private final DistributionProperties properties;
    private final PageStore pages;
    private final OverduePolicy overduePolicy;

    HomePageController(
            PageStore pages,
            DistributionProperties properties,
            @Value("${vetted.distribution.overdue-policy:keep}") String overduePolicy) {
        this.pages = pages;
        this.overduePolicy = OverduePolicy.of(overduePolicy);
        this.latest = new LatestArticles(pages, Math.min(properties.homePageSize(), LatestArticles.MAX_SIZE));
        this.properties = properties;
    }

    @GetMapping("/")
    String home(
            @RequestParam(name = "before", required = false) String before,
            @RequestParam(name = "after", required = false) String after,
            Model model,
            HttpServletResponse response) {
        if (before != null && after != null) {
            throw new InvalidCursorException("after", "give before or after, not both");
        }
        LatestArticles.Listing listing = before != null
                ? latest.olderThan(PageCursor.decode("before", before))
                : after != null ? latest.newerThan(PageCursor.decode("after", after)) : latest.first();
        if (listing.articles().isEmpty() && !listing.first()) {
            throw new PageNotFoundException();
        }
        if (listing.articles().isEmpty() && before != null) {
            throw new PageNotFoundException();
        }
        response.setHeader("Content-Security-Policy", ArticlePageController.CONTENT_SECURITY_POLICY);
        model.addAttribute("siteTitle", properties.feedTitle());
        model.addAttribute("listing", listing);
        model.addAttribute("olderCursor", listing.older() == null ? null : PageCursor.encode(listing.older()));
        model.addAttribute("newerCursor", listing.newer() == null ? null : PageCursor.encode(listing.newer()));
        model.addAttribute(
                "articles",
                // Under the unpublish policy an overdue article is left out (a listing may show fewer than its size).
                ReReviewView.listed(pages, listing.articles(), overduePolicy, false).stream()
                        .map(article -> TeaserView.of(article, properties.displayZone()))
                        .toList());
        return "home";
    }
}
