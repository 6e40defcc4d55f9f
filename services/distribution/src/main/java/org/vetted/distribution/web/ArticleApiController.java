package org.vetted.distribution.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.vetted.contract.signing.Signatures;
import org.vetted.distribution.app.PageStore;
import org.vetted.distribution.domain.OverduePolicy;

/**
 * {@code GET /api/articles/{slug}}: the latest published revision as JSON, signed by distribution (see
 * {@link ArticleSignature}); 404 problem+json when unknown.
 */
@RestController
class ArticleApiController {
    private final PageStore pages;
    private final ArticleSignature signature;
    private final OverduePolicy overduePolicy;

    ArticleApiController(
            PageStore pages,
            Signatures signatures,
            @Value("${vetted.distribution.overdue-policy:keep}") String overduePolicy) {
        this.pages = pages;
        this.signature = new ArticleSignature(signatures);
        this.overduePolicy = OverduePolicy.of(overduePolicy);
    }

    @GetMapping(value = "/api/articles/{slug}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> article(@PathVariable String slug) {
        return pages.findBySlug(slug)
                .<ResponseEntity<?>>map(page -> page.unpublished() || ReReviewView.gone(pages, page, overduePolicy)
                        ? NotFoundAdvice.gone(slug)
                        : ResponseEntity.ok(ArticleJson.of(
                                page, ReReviewView.current(pages, page).orElse(null), signature)))
                .orElseGet(() -> NotFoundAdvice.problem(slug));
    }
}
