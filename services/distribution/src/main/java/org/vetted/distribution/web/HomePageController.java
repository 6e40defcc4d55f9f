package org.vetted.distribution.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vetted.distribution.app.LatestArticles;
import org.vetted.distribution.app.PageStore;
import org.vetted.distribution.config.DistributionProperties;

/**
 * {@code GET /}: the front page, the latest articles newest first ({@code ?page=2} for older ones), each with its
 * summary, who reviewed it and when it was first published, and the feeds. A page beyond the listing is 404.
 */
@Controller
class HomePageController {
    private final LatestArticles latest;
    private final DistributionProperties properties;

    HomePageController(PageStore pages, DistributionProperties properties) {
        this.latest = new LatestArticles(pages, properties.homePageSize());
        this.properties = properties;
    }

    @GetMapping("/")
    String home(
            @RequestParam(name = "page", defaultValue = "1") String page, Model model, HttpServletResponse response) {
        LatestArticles.Listing listing = latest.page(pageNumber(page));
        if (listing.articles().isEmpty() && listing.number() != 1) {
            throw new PageNotFoundException();
        }
        response.setHeader("Content-Security-Policy", ArticlePageController.CONTENT_SECURITY_POLICY);
        model.addAttribute("siteTitle", properties.feedTitle());
        model.addAttribute("listing", listing);
        model.addAttribute(
                "articles",
                listing.articles().stream()
                        .map(article -> TeaserView.of(article, properties.displayZone()))
                        .toList());
        return "home";
    }

    /** Anything but a page number in range reads as a page that does not exist. */
    private static int pageNumber(String page) {
        if (!page.matches("[1-9][0-9]{0,2}")) {
            return -1;
        }
        return Integer.parseInt(page);
    }
}
