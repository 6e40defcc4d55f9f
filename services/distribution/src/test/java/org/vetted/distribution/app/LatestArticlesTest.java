package org.vetted.distribution.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vetted.distribution.domain.Articles;

class LatestArticlesTest {
    private static final Instant T0 = Instant.parse("2026-11-25T16:00:00Z");
    private final InMemoryPageStore pages = new InMemoryPageStore();

    @Test
    void pagesListTheNewestFirstAndTellWhetherOlderOnesExist() {
        publish(5);
        LatestArticles latest = new LatestArticles(pages, 2);

        LatestArticles.Listing first = latest.page(1);
        assertThat(first.articles()).extracting(page -> page.article().slug()).containsExactly("a-4", "a-3");
        assertThat(first.older()).isTrue();
        assertThat(first.newer()).isFalse();
        LatestArticles.Listing last = latest.page(3);
        assertThat(last.articles()).extracting(page -> page.article().slug()).containsExactly("a-0");
        assertThat(last.older()).isFalse();
        assertThat(last.newer()).isTrue();
        assertThat(latest.page(4).articles()).isEmpty();
        assertThat(latest.page(0).articles()).isEmpty();
    }

    @Test
    void theListingGoesBackAtMostMaxPages() {
        publish(LatestArticles.MAX_PAGES + 2);
        LatestArticles latest = new LatestArticles(pages, 1);

        assertThat(latest.page(LatestArticles.MAX_PAGES).articles()).hasSize(1);
        assertThat(latest.page(LatestArticles.MAX_PAGES).older())
                .as("no link to a page that is not served")
                .isFalse();
        assertThat(latest.page(LatestArticles.MAX_PAGES + 1).articles()).isEmpty();
        assertThatThrownBy(() -> new LatestArticles(pages, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private void publish(int count) {
        for (int i = 0; i < count; i++) {
            pages.apply(Articles.published("id-" + i, 1, "a-" + i, "Article " + i, T0.plusSeconds(60L * i)));
        }
    }
}
