package org.vetted.distribution.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vetted.support.projection.TestDatabase;
import org.vetted.distribution.domain.Articles;
import org.vetted.distribution.domain.PageStore;
import org.vetted.distribution.domain.PageStoreTest;
import org.vetted.distribution.domain.PublishedArticle;

/** The page rules on a real PostgreSQL, migrated as the service migrates it; and what two instances share. */
class JdbcPageStoreTest extends PageStoreTest {
    private static final Instant MONDAY = Instant.parse("2026-11-23T10:00:00Z");

    @Override
    protected PageStore newStore() {
        return store(migratedDatabase());
    }

    static DataSource migratedDatabase() {
        return TestDatabase.migrated("classpath:db/migration", "classpath:db/projection-support");
    }

    static JdbcPageStore store(DataSource dataSource) {
        return new JdbcPageStore(new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    @Test
    void aSecondInstanceServesWhatTheFirstStored() {
        DataSource shared = migratedDatabase();
        store(shared).apply(Articles.published("a1", 1, "walking", "Walking", MONDAY));

        JdbcPageStore other = store(shared);
        assertThat(other.findBySlug("walking")).hasValueSatisfying(page -> {
            assertThat(page.article().title()).isEqualTo("Walking");
            assertThat(page.article().publishedAt()).isEqualTo(MONDAY);
        });
        assertThat(other.apply(Articles.published("a1", 1, "walking", "Walking", MONDAY)))
                .as("the same event through another instance").isEqualTo(PageStore.Outcome.DUPLICATE);
    }

    @Test
    void articlesRacingForOneSlugOnTwoInstancesLeaveItToExactlyOne() throws Exception {
        DataSource shared = migratedDatabase();
        List<JdbcPageStore> instances = List.of(store(shared), store(shared));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                String slug = "contested-" + round;
                List<Callable<PageStore.Outcome>> racers = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    PublishedArticle article = Articles.published("r" + round + "-" + i, 1, slug, "Racer " + i,
                            MONDAY);
                    JdbcPageStore instance = instances.get(i);
                    racers.add(() -> {
                        // A lost race on the first insert rolls the transaction back; the consumer retries the record.
                        try {
                            return instance.apply(article);
                        } catch (RuntimeException conflict) {
                            return instance.apply(article);
                        }
                    });
                }
                List<PageStore.Outcome> outcomes = new ArrayList<>();
                for (Future<PageStore.Outcome> outcome : threads.invokeAll(racers)) {
                    outcomes.add(outcome.get());
                }

                assertThat(outcomes).as(slug).containsExactlyInAnyOrder(PageStore.Outcome.STORED,
                        PageStore.Outcome.SLUG_TAKEN);
                String winner = instances.get(0).findBySlug(slug).orElseThrow().article().articleId();
                assertThat(instances.get(1).findBySlug(slug).orElseThrow().article().articleId()).isEqualTo(winner);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
