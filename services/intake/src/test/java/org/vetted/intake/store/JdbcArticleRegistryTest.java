package org.vetted.intake.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.vetted.contract.EventCatalog;
import org.vetted.events.ClaimDecision;
import org.vetted.events.ClaimReviewed;
import org.vetted.intake.app.ArticleRegistry;
import org.vetted.intake.app.ArticleRegistryTest;
import org.vetted.intake.domain.articles.ArticleEvent;
import org.vetted.intake.domain.articles.ArticleView;
import org.vetted.intake.messaging.SignedRecordsForTests;
import org.vetted.support.projection.TestDatabase;

/** The registry's rules on a real PostgreSQL, migrated as the service migrates it; and what instances share. */
public class JdbcArticleRegistryTest extends ArticleRegistryTest {
    private static final EventCatalog CATALOG = EventCatalog.standard();

    @Override
    protected ArticleRegistry newRegistry() {
        return registry(migratedDatabase());
    }

    public static DataSource migratedDatabase() {
        return TestDatabase.migrated("classpath:db/migration", "classpath:db/projection-support");
    }

    /** One instance of intake's registry on {@code dataSource}. */
    public static JdbcArticleRegistry registry(DataSource dataSource) {
        return new JdbcArticleRegistry(
                dataSource,
                new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                new TestRecords(),
                3);
    }

    @Override
    protected byte[] record(ArticleEvent event) {
        return TestRecords.of(event);
    }

    private static boolean apply(ArticleRegistry registry, ArticleEvent event) {
        return registry.apply(event, TestRecords.of(event));
    }

    @Test
    void aSecondInstanceAnswersFromWhatTheFirstApplied() {
        DataSource shared = migratedDatabase();
        apply(registry(shared), draft("e1", "a", 1, T0, "walking"));

        JdbcArticleRegistry other = registry(shared);
        assertThat(other.view("a").orElseThrow().title()).isEqualTo("Title of a");
        assertThat(other.find("a").orElseThrow().latestRevision()).isEqualTo(1);
        assertThat(other.slugTaken("walking")).isTrue();
        assertThat(apply(other, draft("e1", "a", 1, T0, "walking")))
                .as("the same event through another instance")
                .isFalse();
    }

    @Test
    void instancesRacingForOneSlugLeaveItToExactlyOne() throws Exception {
        DataSource shared = migratedDatabase();
        List<JdbcArticleRegistry> instances = List.of(registry(shared), registry(shared));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                String slug = "contested-" + round;
                CountDownLatch start = new CountDownLatch(1);
                List<Callable<Boolean>> racers = new ArrayList<>();
                for (JdbcArticleRegistry instance : instances) {
                    racers.add(() -> {
                        start.await();
                        return instance.reserveSlug(slug);
                    });
                }
                List<Future<Boolean>> results =
                        racers.stream().map(threads::submit).toList();
                start.countDown();
                List<Boolean> won = new ArrayList<>();
                for (Future<Boolean> result : results) {
                    won.add(result.get(30, TimeUnit.SECONDS));
                }
                assertThat(won).as(slug).containsExactlyInAnyOrder(true, false);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anArticleLockedOnOneInstanceWaitsOnTheOther() throws Exception {
        DataSource shared = migratedDatabase();
        JdbcArticleRegistry first = registry(shared);
        JdbcArticleRegistry second = registry(shared);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean firstDone = new AtomicBoolean();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<?> holder = threads.submit(() -> first.exclusively("a", () -> {
                held.countDown();
                await(release);
                firstDone.set(true);
                return null;
            }));
            assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
            Future<Boolean> waiter = threads.submit(() -> second.exclusively("a", firstDone::get));
            Future<Boolean> otherArticle = threads.submit(() -> second.exclusively("b", () -> true));

            assertThat(otherArticle.get(30, TimeUnit.SECONDS))
                    .as("another article is not held up")
                    .isTrue();
            TestDatabase.awaitLockWaiter(shared);
            assertThat(waiter.isDone())
                    .as("still waiting for the first instance")
                    .isFalse();
            release.countDown();
            assertThat(waiter.get(30, TimeUnit.SECONDS))
                    .as("ran after the first instance's work")
                    .isTrue();
            holder.get(30, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void aReservationWhoseArticleNeverCameLapses() {
        DataSource shared = migratedDatabase();
        JdbcArticleRegistry registry = registry(shared);
        assertThat(registry.reserveSlug("orphan")).isTrue();
        assertThat(registry.reserveSlug("orphan")).isFalse();

        new JdbcTemplate(shared)
                .update(
                        "update slug set reserved_at = now() - ? * interval '1 second' " + "where slug = 'orphan'",
                        JdbcArticleRegistry.RESERVATION.toSeconds() + 1);

        assertThat(registry.slugTaken("orphan")).isFalse();
        assertThat(registry.reserveSlug("orphan")).isTrue();
    }

    @Test
    void aHeldReservationDoesNotLapse() {
        DataSource shared = migratedDatabase();
        JdbcArticleRegistry registry = registry(shared);
        assertThat(registry.reserveSlug("maybe-landed")).isTrue();
        registry.holdSlug("maybe-landed");

        // Ages every ordinary reservation past its lapse; a held one is reserved until 'infinity'.
        new JdbcTemplate(shared)
                .update(
                        "update slug set reserved_at = now() - ? * interval '1 second' "
                                + "where reserved_at <> 'infinity'",
                        JdbcArticleRegistry.RESERVATION.toSeconds() + 1);

        assertThat(registry.slugTaken("maybe-landed")).isTrue();
        assertThat(registry.reserveSlug("maybe-landed")).isFalse();
        assertThat(apply(
                        registry,
                        ArticleRegistryTest.draft("e1", "a", 1, Instant.parse("2026-01-05T09:00:00Z"), "maybe-landed")))
                .isTrue();
        assertThat(registry.find("a").orElseThrow().slug()).isEqualTo("maybe-landed");
    }

    // Rows written or altered by whoever holds the database credential, not by the topics' owners.

    @Test
    void aDecisionAlteredInTheDatabaseMakesItsArticleUnknownRatherThanFoldedWithoutIt() {
        DataSource shared = migratedDatabase();
        JdbcArticleRegistry registry = registry(shared);
        apply(registry, draft("e1", "a", 1, T0, "walking"));
        apply(registry, draft("e2", "b", 1, T0, "sleep"));
        byte[] decided = SignedRecordsForTests.claimReviewed(
                "e3", "a", 1, T0.plusSeconds(60), "c-2", false, "rita", "Rita Reyes", "Which trial?", "PMID 1");
        assertThat(registry.apply(new TestRecords().read(decided), decided)).isTrue();
        assertThat(registry.view("a")).isPresent();

        JdbcTemplate sql = new JdbcTemplate(shared);
        ClaimReviewed altered = (ClaimReviewed) CATALOG.decode(decided);
        altered.setDecision(ClaimDecision.APPROVED);
        sql.update("update event_journal set event = ? where event_id = 'e3'", (Object) CATALOG.encode(altered));

        assertThat(registry.view("a"))
                .as("not folded without the row either: unknown")
                .isEmpty();
        assertThat(registry.find("a")).isEmpty();
        assertThat(registry.all()).extracting(ArticleView::articleId).containsExactly("b");

        sql.update("update event_journal set event = ? where event_id = 'e3'", (Object) decided);
        assertThat(registry.view("a")).as("repaired from what review signed").isPresent();
        assertThat(registry.all()).extracting(ArticleView::articleId).containsExactly("a", "b");
    }

    @Test
    void upgradingDropsTheUnsignedEventsAndRebuildsTheViewFromTheTopics() {
        DataSource database = new DriverManagerDataSource(TestDatabase.fresh(), "postgres", "");
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration", "classpath:db/projection-support")
                .target("1")
                .load()
                .migrate();
        JdbcTemplate sql = new JdbcTemplate(database);
        sql.update("insert into article (article_id, slug) values ('old', 'old-tea')");
        sql.update("insert into article_event (article_id, event_id, event) values ('old', 'o1', '{}')");
        sql.update("insert into slug (slug, reserved_at) values ('held', 'infinity')");
        sql.update("insert into revision_claim values ('old', 2)");
        sql.update("insert into projection_position values ('articles', 'article.draft-submitted', 0, 5), "
                + "('other', 'article.draft-submitted', 0, 7)");

        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration", "classpath:db/projection-support")
                .load()
                .migrate();

        assertThat(sql.queryForObject("select to_regclass('article_event') is null", Boolean.class))
                .isTrue();
        assertThat(sql.queryForList("select projection from projection_position", String.class))
                .containsExactly("other");
        JdbcArticleRegistry registry = registry(database);
        assertThat(registry.slugTaken("held")).as("a held reservation stays").isTrue();
        assertThat(registry.view("old")).as("until its events are read again").isEmpty();
        assertThat(apply(registry, draft("o1", "old", 1, T0, "old-tea"))).isTrue();
        assertThat(registry.find("old").orElseThrow().latestRevision())
                .as("its claimed number counts")
                .isEqualTo(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
