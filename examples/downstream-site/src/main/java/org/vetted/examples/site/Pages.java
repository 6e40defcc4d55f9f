package org.vetted.examples.site;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.vetted.events.ArticlePublished;
import org.vetted.events.Author;

/**
 * The site's HTML: one page per article, and the index. Made from the record alone, with no clock or counter in it,
 * so the same records always give the same bytes. The article HTML is inserted as published (rendering sanitized it
 * and distribution signed it); every other text is escaped, and a strict Content-Security-Policy runs no script.
 */
final class Pages {
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final String HEAD = "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline';"
            + " img-src https:\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";

    static String article(ArticlePublished article, String retractedBecause) {
        return article(article, retractedBecause, List.of(), null);
    }

    /**
     * @param corrections oldest first; listed latest first under the title
     * @param review the re-review notice of the approval shown, or null
     */
    static String article(
            ArticlePublished article,
            String retractedBecause,
            List<Correction> corrections,
            StaticSite.ReviewNotice review) {
        StringBuilder html = new StringBuilder(HEAD);
        html.append("<title>").append(escape(article.getTitle())).append("</title>\n");
        if (isWebUrl(article.getUrl())) {
            html.append("<link rel=\"canonical\" href=\"")
                    .append(escape(article.getUrl()))
                    .append("\">\n");
        }
        html.append("</head>\n<body>\n<p><a href=\"../index.html\">All articles</a></p>\n<main>\n");
        if (retractedBecause != null) {
            html.append("<p class=\"retracted\" role=\"note\"><strong>Retracted:</strong> ")
                    .append(escape(retractedBecause))
                    .append("</p>\n");
        }
        if (review != null && retractedBecause == null) {
            html.append("<p class=\"review-")
                    .append(review.overdue() ? "overdue" : "due")
                    .append("\" role=\"note\"><strong>")
                    .append(review.overdue() ? "Medical review overdue" : "Medical review due")
                    .append(":</strong> ")
                    .append(review.overdue() ? "expired on " : "by ")
                    .append(DAY.format(review.reviewBy()))
                    .append(" (")
                    .append(escape(review.reason()))
                    .append("). Last reviewed ")
                    .append(DAY.format(review.lastReviewedAt()))
                    .append(".</p>\n");
        }
        html.append("<h1>").append(escape(article.getTitle())).append("</h1>\n");
        html.append("<p>By ")
                .append(escape(authors(article.getAuthors())))
                .append(". Published <time datetime=\"")
                .append(article.getPublishedAt())
                .append("\">")
                .append(DAY.format(article.getPublishedAt()))
                .append("</time>.</p>\n");
        if (!corrections.isEmpty()) {
            html.append("<aside class=\"corrections\" role=\"note\">\n<h2>Corrections</h2>\n<ul>\n");
            for (int i = corrections.size() - 1; i >= 0; i--) {
                Correction correction = corrections.get(i);
                html.append("<li><time datetime=\"")
                        .append(correction.at())
                        .append("\">")
                        .append(DAY.format(correction.at()))
                        .append("</time>: ")
                        .append(escape(correction.note()))
                        .append("</li>\n");
            }
            html.append("</ul>\n</aside>\n");
        }
        html.append("<article>\n").append(article.getHtml()).append("\n</article>\n</main>\n</body>\n</html>\n");
        return html.toString();
    }

    /** One line per article, in the order given; {@code href} of each is its page's path, relative to the index. */
    static String index(List<Listed> articles) {
        StringBuilder html = new StringBuilder(HEAD);
        html.append("<title>Articles</title>\n</head>\n<body>\n<main>\n<h1>Articles</h1>\n<ul>\n");
        for (Listed listed : articles) {
            ArticlePublished article = listed.article();
            html.append("<li><a href=\"")
                    .append(escape(listed.href()))
                    .append("\">")
                    .append(escape(article.getTitle()))
                    .append("</a>, <time datetime=\"")
                    .append(article.getPublishedAt())
                    .append("\">")
                    .append(DAY.format(article.getPublishedAt()))
                    .append("</time>")
                    .append(listed.retracted() ? " (retracted)" : "")
                    .append("</li>\n");
        }
        html.append("</ul>\n</main>\n</body>\n</html>\n");
        return html.toString();
    }

    record Listed(ArticlePublished article, String href, boolean retracted) {}

    /** A correction as the page lists it; kept one per line in {@code .state/}, tab-separated. */
    record Correction(int revision, Instant at, String note) {
        static String lines(List<Correction> corrections) {
            StringBuilder out = new StringBuilder();
            for (Correction correction : corrections) {
                out.append(correction.revision())
                        .append('\t')
                        .append(correction.at())
                        .append('\t')
                        .append(correction.note().replaceAll("[\\t\\r\\n]", " "))
                        .append('\n');
            }
            return out.toString();
        }

        static List<Correction> parse(String text) {
            return text.lines()
                    .filter(line -> !line.isEmpty())
                    .map(line -> line.split("\t", 3))
                    .map(cells -> new Correction(Integer.parseInt(cells[0]), Instant.parse(cells[1]), cells[2]))
                    .toList();
        }
    }

    private static String authors(List<Author> authors) {
        return authors == null || authors.isEmpty()
                ? "the editors"
                : authors.stream().map(Author::getDisplayName).collect(Collectors.joining(", "));
    }

    private static boolean isWebUrl(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://"));
    }

    static String escape(CharSequence text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append((char) c);
            }
        });
        return out.toString();
    }

    private Pages() {}
}
