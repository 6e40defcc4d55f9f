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
    void listingsWalkTheWholeHistoryOlderAndBackNewer() {
        publish(5);
        LatestArticles latest = new LatestArticles(pages, 2);

        LatestArticles.Listing first = latest.first();
        assertThat(slugs(first)).containsExactly("a-4", "a-3");
        assertThat(first.first()).isTrue();
        assertThat(first.older()).isNotNull();
        LatestArticles.Listing second = latest.olderThan(first.older());
        assertThat(slugs(second)).containsExactly("a-2", "a-1");
        assertThat(second.newer()).isNotNull();
        LatestArticles.Listing last = latest.olderThan(second.older());
        assertThat(slugs(last)).containsExactly("a-0");
        assertThat(last.older()).as("nothing older").isNull();

        assertThat(slugs(latest.newerThan(last.newer()))).containsExactly("a-2", "a-1");
        LatestArticles.Listing backToTheTop = latest.newerThan(second.newer());
        assertThat(slugs(backToTheTop)).containsExactly("a-4", "a-3");
        assertThat(backToTheTop.first()).isTrue();
    }

    @Test
    void anyDepthIsReachableAndTheSizeIsBounded() {
        publish(30);
        LatestArticles latest = new LatestArticles(pages, 1);
        LatestArticles.Listing listing = latest.first();
        int listings = 1;
        while (listing.older() != null) {
            listing = latest.olderThan(listing.older());
            listings++;
        }
        assertThat(listings).isEqualTo(30);
        assertThat(slugs(listing)).containsExactly("a-0");
        assertThatThrownBy(() -> new LatestArticles(pages, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LatestArticles(pages, LatestArticles.MAX_SIZE + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptySiteHasOneEmptyListing() {
        LatestArticles.Listing first = new LatestArticles(pages, 2).first();
        assertThat(first.articles()).isEmpty();
        assertThat(first.older()).isNull();
        assertThat(first.first()).isTrue();
    }

    private static java.util.List<String> slugs(LatestArticles.Listing listing) {
        return listing.articles().stream().map(page -> page.article().slug()).toList();
    }

    private void publish(int count) {
        for (int i = 0; i < count; i++) {
            pages.apply(Articles.published("id-" + i, 1, "a-" + i, "Article " + i, T0.plusSeconds(60L * i)));
        }
    }
}
