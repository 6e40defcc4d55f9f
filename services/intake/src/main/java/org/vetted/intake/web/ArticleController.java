package org.vetted.intake.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vetted.intake.app.ArticleRegistry;
import org.vetted.intake.config.SignedInAccounts;
import org.vetted.intake.domain.accounts.Account;
import org.vetted.intake.domain.articles.ArticleListing;
import org.vetted.intake.domain.drafts.FieldError;

/**
 * The writers' view of their articles: status of the latest revision and the history of every revision. The same
 * rule as the writer pages ({@link org.vetted.intake.domain.articles.ArticleView#visibleTo}): a writer sees the articles they
 * are credited on, an editor all of them. Another account's article answers the same 404 as an unknown id, so the
 * API does not tell which ids exist.
 */
@RestController
class ArticleController {
    private final ArticleRegistry registry;
    private final SignedInAccounts signedIn;

    ArticleController(ArticleRegistry registry, SignedInAccounts signedIn) {
        this.registry = registry;
        this.signedIn = signedIn;
    }

    /**
     * The account's articles, the most recently active first, {@code limit} at a time (default 20, at most 100);
     * {@code next} is the cursor of the following page, absent on the last one.
     */
    @GetMapping("/api/articles")
    ArticleJson.Listing list(
            Authentication authentication,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        Account account = account(authentication);
        ListingRequest request;
        try {
            request = ListingRequest.of(limit, cursor);
        } catch (ListingRequest.BadParameter e) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST,
                    "Invalid parameter",
                    "The parameter " + e.parameter() + " " + e.getMessage() + ".",
                    List.of(new FieldError(e.parameter(), e.getMessage())));
        }
        ArticleListing.Page page = registry.page(account, request.limit(), request.cursor());
        return new ArticleJson.Listing(
                page.articles().stream().map(ArticleJson::summary).toList(), page.next());
    }

    @GetMapping("/api/articles/{id}")
    ArticleJson article(@PathVariable String id, Authentication authentication) {
        Account account = account(authentication);
        return registry.view(id)
                .filter(view -> view.visibleTo(account))
                .map(ArticleJson::of)
                .orElseThrow(() -> new ProblemException(
                        HttpStatus.NOT_FOUND, "Unknown article", "There is no article with id " + id + "."));
    }

    private Account account(Authentication authentication) {
        return signedIn.of(authentication)
                .orElseThrow(() -> new ProblemException(HttpStatus.FORBIDDEN, "Forbidden", "Unknown account."));
    }
}
