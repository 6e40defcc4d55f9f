package org.vetted.intake.domain.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "My articles" a page at a time, by cursor. */
class ArticleListingTest {
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00.123456789Z");

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeatsNewestFirst() {
        List<ArticleView> articles = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            articles.add(article("a-" + i, T0.plusSeconds(i % 3)));
        }
        List<String> seen = new ArrayList<>();
        ArticleListing.Page page = ArticleListing.page(articles, 3, null);
        int pages = 1;
        seen.addAll(ids(page));
        while (page.next() != null) {
            page = ArticleListing.page(
                    articles, 3, ArticleListing.Cursor.decode(page.next()).orElseThrow());
            seen.addAll(ids(page));
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("a-2", "a-5", "a-1", "a-4", "a-0", "a-3", "a-6");
    }

    @Test
    void anArticleActiveAgainMovesToTheFirstPageAndIsNotShownTwice() {
        List<ArticleView> articles = new ArrayList<>(
                List.of(article("a", T0.plusSeconds(2)), article("b", T0.plusSeconds(1)), article("c", T0)));
        ArticleListing.Page first = ArticleListing.page(articles, 1, null);
        articles.set(0, article("a", T0.plusSeconds(2)));
        articles.set(1, article("b", T0.plusSeconds(9)));

        ArticleListing.Page second = ArticleListing.page(
                articles, 5, ArticleListing.Cursor.decode(first.next()).orElseThrow());
        assertThat(ids(second)).containsExactly("c");
        assertThat(second.next()).isNull();
    }

    @Test
    void aCursorSurvivesItsRoundTripAndAnythingElseIsRefused() {
        ArticleListing.Cursor cursor = new ArticleListing.Cursor(T0, "a|b");
        assertThat(ArticleListing.Cursor.decode(cursor.encode())).contains(cursor);
        assertThat(ArticleListing.Cursor.decode("not a cursor")).isEmpty();
        assertThat(ArticleListing.Cursor.decode("")).isEmpty();
        assertThat(ArticleListing.Cursor.decode(
                        Base64.getUrlEncoder().encodeToString("v2|1.0|a".getBytes(StandardCharsets.UTF_8))))
                .isEmpty();
        assertThat(ArticleListing.Cursor.decode(
                        Base64.getUrlEncoder().encodeToString("v1|x.0|a".getBytes(StandardCharsets.UTF_8))))
                .isEmpty();
        assertThatThrownBy(() -> ArticleListing.page(List.of(), 0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ArticleListing.page(List.of(), ArticleListing.MAX_LIMIT + 1, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> ids(ArticleListing.Page page) {
        return page.articles().stream().map(ArticleView::articleId).toList();
    }

    private static ArticleView article(String id, Instant lastActive) {
        return new ArticleView(
                id,
                id,
                id,
                1,
                ArticleStatus.SUBMITTED,
                null,
                List.of(),
                List.of(new ArticleView.HistoryEntry(
                        lastActive,
                        1,
                        "DraftSubmitted",
                        ArticleStatus.SUBMITTED,
                        "wanda",
                        "",
                        "Wanda submitted the first draft")),
                List.of(),
                null);
    }
}
