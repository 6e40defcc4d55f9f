package org.vetted.intake.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.vetted.intake.domain.ArticleRegistry;

/** The writers' view of their articles: status of the latest revision and the history of every revision. */
@RestController
class ArticleController {
    private final ArticleRegistry registry;

    ArticleController(ArticleRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/api/articles")
    List<ArticleJson.Summary> list() {
        return registry.all().stream().map(ArticleJson::summary).toList();
    }

    @GetMapping("/api/articles/{id}")
    ArticleJson article(@PathVariable String id) {
        return registry.view(id).map(ArticleJson::of)
                .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "Unknown article",
                        "There is no article with id " + id + "."));
    }
}
