package org.vetted.intake.domain.articles;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A writer's articles a page at a time, the most recently active first (ties by article id), for the "My articles"
 * page and GET /api/articles alike. Paging is by cursor, not offset: the cursor names the last article shown (when it
 * was last active, and its id), so the next page starts after it however many articles arrive meanwhile; an article
 * that becomes active again moves to the first page rather than showing twice. The cursor is opaque to clients
 * (base64url of a versioned text), so its form may change.
 */
public final class ArticleListing {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    private static final String VERSION = "v1";

    private static final Comparator<ArticleView> NEWEST_FIRST =
            Comparator.comparing(ArticleView::lastActivity).reversed().thenComparing(ArticleView::articleId);

    /** One page and the cursor of the next one (null on the last page). */
    public record Page(List<ArticleView> articles, String next) {
        public Page {
            articles = List.copyOf(articles);
        }
    }

    /** Where a page starts: after this article in the listing's order. */
    public record Cursor(Instant lastActivity, String articleId) {
        public String encode() {
            String text =
                    VERSION + "|" + lastActivity.getEpochSecond() + "." + lastActivity.getNano() + "|" + articleId;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }

        /** Empty for anything this listing did not hand out. */
        public static Optional<Cursor> decode(String cursor) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                String[] parts = text.split("\\|", 3);
                if (parts.length != 3 || !VERSION.equals(parts[0]) || parts[2].isEmpty()) {
                    return Optional.empty();
                }
                String[] instant = parts[1].split("\\.", 2);
                if (instant.length != 2) {
                    return Optional.empty();
                }
                return Optional.of(new Cursor(
                        Instant.ofEpochSecond(Long.parseLong(instant[0]), Long.parseLong(instant[1])), parts[2]));
            } catch (IllegalArgumentException | DateTimeException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * @param articles every article the reader may see, in any order
     * @param limit    1 to {@link #MAX_LIMIT}
     * @param after    null for the first page
     */
    public static Page page(List<ArticleView> articles, int limit, Cursor after) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT);
        }
        List<ArticleView> ordered = articles.stream()
                .filter(article -> after == null || isAfter(article, after))
                .sorted(NEWEST_FIRST)
                .limit(limit + 1L)
                .toList();
        if (ordered.size() <= limit) {
            return new Page(ordered, null);
        }
        List<ArticleView> shown = ordered.subList(0, limit);
        ArticleView last = shown.get(limit - 1);
        return new Page(shown, new Cursor(last.lastActivity(), last.articleId()).encode());
    }

    private static boolean isAfter(ArticleView article, Cursor cursor) {
        int byTime = article.lastActivity().compareTo(cursor.lastActivity());
        return byTime < 0 || byTime == 0 && article.articleId().compareTo(cursor.articleId()) > 0;
    }

    private ArticleListing() {}
}
