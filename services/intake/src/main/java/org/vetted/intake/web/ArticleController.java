package org.vetted.intake.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.vetted.intake.app.ArticleRegistry;
import org.vetted.intake.config.SignedInAccounts;
import org.vetted.intake.domain.accounts.Account;

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

    @GetMapping("/api/articles")
    List<ArticleJson.Summary> list(Authentication authentication) {
        Account account = account(authentication);
        return registry.all().stream().filter(view -> view.visibleTo(account)).map(ArticleJson::summary).toList();
    }

    @GetMapping("/api/articles/{id}")
    ArticleJson article(@PathVariable String id, Authentication authentication) {
        Account account = account(authentication);
        return registry.view(id).filter(view -> view.visibleTo(account)).map(ArticleJson::of)
                .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "Unknown article",
                        "There is no article with id " + id + "."));
    }

    private Account account(Authentication authentication) {
        return signedIn.of(authentication).orElseThrow(() -> new ProblemException(HttpStatus.FORBIDDEN, "Forbidden",
                "Unknown account."));
    }
}
