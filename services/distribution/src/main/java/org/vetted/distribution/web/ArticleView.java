package org.vetted.distribution.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.vetted.distribution.app.PageStore;
import org.vetted.distribution.domain.Author;
import org.vetted.distribution.domain.PublishedArticle;

/**
 * What the article page shows. Every field but {@code html} is escaped by the template; {@code html} was sanitized
 * by rendering and is inserted as it is. The medical-review byline is not a field: it ends the rendered HTML.
 */
record ArticleView(
        String title,
        String summary,
        String url,
        String authors,
        String publishedOn,
        String publishedAtIso,
        List<String> tags,
        String html) {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US);

    static ArticleView of(PageStore.Page page, ZoneId zone) {
        PublishedArticle article = page.article();
        DateTimeFormatter day = DAY.withZone(zone);
        return new ArticleView(
                article.title(),
                article.summary(),
                article.url(),
                authorLine(article.authors()),
                day.format(page.firstPublishedAt()),
                page.firstPublishedAt().toString(),
                article.tags(),
                article.html());
    }

    /** "Wanda Writer", "Wanda Writer and Walter Webb", "A, B and C". */
    static String authorLine(List<Author> authors) {
        List<String> names = authors.stream().map(Author::displayName).toList();
        if (names.size() <= 1) {
            return names.isEmpty() ? "" : names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
