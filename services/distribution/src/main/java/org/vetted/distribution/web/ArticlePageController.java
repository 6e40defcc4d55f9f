package org.vetted.distribution.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.vetted.distribution.app.PageStore;
import org.vetted.distribution.config.ArticlePageProperties;
import org.vetted.distribution.config.DistributionProperties;
import org.vetted.distribution.domain.OverduePolicy;

/** {@code GET /articles/{slug}}: the public HTML page of the latest published revision. */
@Controller
class ArticlePageController {
    /** The page needs only its inline stylesheet; anything else that slipped into the HTML must not load or run. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final PageStore pages;
    private final DistributionProperties properties;
    private final ArticlePageProperties pageProperties;
    private final OverduePolicy overduePolicy;

    ArticlePageController(
            PageStore pages,
            DistributionProperties properties,
            ArticlePageProperties pageProperties,
            @Value("${vetted.distribution.overdue-policy:keep}") String overduePolicy) {
        this.pages = pages;
        this.properties = properties;
        this.pageProperties = pageProperties;
        this.overduePolicy = OverduePolicy.of(overduePolicy);
    }

    @GetMapping("/articles/{slug}")
    String page(@PathVariable String slug, Model model, HttpServletResponse response) {
        PageStore.Page page = pages.findBySlug(slug).orElseThrow(() -> new ArticleNotFoundException(slug));
        if (page.unpublished() || ReReviewView.gone(pages, page, overduePolicy)) {
            throw new ArticleGoneException(slug);
        }
        ReReviewView reReview =
                ReReviewView.of(pages, page, properties.displayZone()).orElse(null);
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        model.addAttribute("siteTitle", properties.feedTitle());
        model.addAttribute("article", ArticleView.of(page, properties.displayZone()));
        model.addAttribute(
                "trust", ArticleTrustView.of(page, properties.displayZone(), pageProperties.medicalDisclaimer()));
        model.addAttribute("jsonLd", MedicalWebPageJsonLd.of(page, properties.feedTitle(), reReview));
        model.addAttribute("corrections", CorrectionView.all(page, properties.displayZone()));
        model.addAttribute(
                "retraction", page.retracted() ? RetractionView.of(page.withdrawal(), properties.displayZone()) : null);
        model.addAttribute("reReview", reReview);
        model.addAttribute(
                "noindex",
                page.retracted() || (reReview != null && reReview.overdue() && overduePolicy == OverduePolicy.NOINDEX));
        return "article";
    }
}
