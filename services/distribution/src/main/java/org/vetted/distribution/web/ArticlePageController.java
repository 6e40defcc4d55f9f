package org.vetted.distribution.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.vetted.distribution.app.PageStore;
import org.vetted.distribution.config.ArticlePageProperties;
import org.vetted.distribution.config.DistributionProperties;

/** {@code GET /articles/{slug}}: the public HTML page of the latest published revision. */
@Controller
class ArticlePageController {
    /** The page needs only its inline stylesheet; anything else that slipped into the HTML must not load or run. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final PageStore pages;
    private final DistributionProperties properties;
    private final ArticlePageProperties pageProperties;

    ArticlePageController(PageStore pages, DistributionProperties properties, ArticlePageProperties pageProperties) {
        this.pages = pages;
        this.properties = properties;
        this.pageProperties = pageProperties;
    }

    @GetMapping("/articles/{slug}")
    String page(@PathVariable String slug, Model model, HttpServletResponse response) {
        PageStore.Page page = pages.findBySlug(slug).orElseThrow(() -> new ArticleNotFoundException(slug));
        if (page.unpublished()) {
            throw new ArticleGoneException(slug);
        }
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        model.addAttribute("siteTitle", properties.feedTitle());
        model.addAttribute("article", ArticleView.of(page, properties.displayZone()));
        model.addAttribute(
                "trust", ArticleTrustView.of(page, properties.displayZone(), pageProperties.medicalDisclaimer()));
        model.addAttribute("jsonLd", MedicalWebPageJsonLd.of(page, properties.feedTitle()));
        model.addAttribute("corrections", CorrectionView.all(page, properties.displayZone()));
        model.addAttribute(
                "retraction", page.retracted() ? RetractionView.of(page.withdrawal(), properties.displayZone()) : null);
        return "article";
    }
}
