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

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vetted.intake.app.ArticleRegistry;
import org.vetted.intake.app.ArticleRegistryTest;
import org.vetted.intake.domain.articles.ArticleStatus;
import org.vetted.intake.domain.articles.ArticleView;
import org.vetted.support.projection.TestDatabase;

/** The registry's rules on a real PostgreSQL, migrated as the service migrates it; and what instances share. */
public class JdbcArticleRegistryTest extends ArticleRegistryTest {

    @Override
    protected ArticleRegistry newRegistry() {
        return registry(migratedDatabase());
    }

    public static DataSource migratedDatabase() {
        return TestDatabase.migrated("classpath:db/migration", "classpath:db/projection-support");
    }

    /** One instance of intake's registry on {@code dataSource}. */
    public static JdbcArticleRegistry registry(DataSource dataSource) {
        return new JdbcArticleRegistry(dataSource, new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), 3);
    }

    @Test
    void aSecondInstanceAnswersFromWhatTheFirstApplied() {
        DataSource shared = migratedDatabase();
        registry(shared).apply(draft("e1", "a", 1, T0, "walking"));

        JdbcArticleRegistry other = registry(shared);
        assertThat(other.view("a").orElseThrow().title()).isEqualTo("Title of a");
        assertThat(other.find("a").orElseThrow().latestRevision()).isEqualTo(1);
        assertThat(other.slugTaken("walking")).isTrue();
        assertThat(other.apply(draft("e1", "a", 1, T0, "walking"))).as("the same event through another instance")
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
                List<Future<Boolean>> results = racers.stream().map(threads::submit).toList();
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

            assertThat(otherArticle.get(30, TimeUnit.SECONDS)).as("another article is not held up").isTrue();
            Thread.sleep(300);
            assertThat(waiter.isDone()).as("still waiting for the first instance").isFalse();
            release.countDown();
            assertThat(waiter.get(30, TimeUnit.SECONDS)).as("ran after the first instance's work").isTrue();
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

        new JdbcTemplate(shared).update("update slug set reserved_at = now() - ? * interval '1 second' "
                + "where slug = 'orphan'", JdbcArticleRegistry.RESERVATION.toSeconds() + 1);

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
        new JdbcTemplate(shared).update("update slug set reserved_at = now() - ? * interval '1 second' "
                + "where reserved_at <> 'infinity'", JdbcArticleRegistry.RESERVATION.toSeconds() + 1);

        assertThat(registry.slugTaken("maybe-landed")).isTrue();
        assertThat(registry.reserveSlug("maybe-landed")).isFalse();
        assertThat(registry.apply(ArticleRegistryTest.draft("e1", "a", 1, Instant.parse("2026-01-05T09:00:00Z"),
                "maybe-landed"))).isTrue();
        assertThat(registry.find("a").orElseThrow().slug()).isEqualTo("maybe-landed");
    }

    /** Rows written in this format must keep reading: fields added later are missing from them, unknown ones ignored. */
    @Test
    void storedEventsOfTheFirstFormatStillRead() {
        DataSource shared = migratedDatabase();
        JdbcTemplate jdbc = new JdbcTemplate(shared);
        jdbc.update("insert into article (article_id, slug) values ('old', 'old-tea')");
        jdbc.update("insert into article_event (article_id, event_id, event) values ('old', 'o1', cast(? as jsonb))",
                "{\"eventId\":\"o1\",\"articleId\":\"old\",\"revision\":1,\"at\":\"2026-01-05T09:00:00Z\","
                        + "\"actor\":\"wanda\",\"type\":\"DraftRecorded\",\"slug\":\"old-tea\",\"title\":\"Old tea\","
                        + "\"summary\":null,\"tags\":[\"tea\"],\"bodyMarkdown\":\"Tea.\\n\",\"claims\":[{\"id\":\"c-1\","
                        + "\"text\":\"Tea may calm.\",\"kind\":\"A_KIND_FROM_LATER\",\"hedged\":true,\"absolute\":false,"
                        + "\"section\":null}],\"contentHash\":\"sha256:x\",\"authors\":[{\"username\":\"wanda\","
                        + "\"displayName\":\"Wanda Writer\"}],\"detail\":\"1 claims\",\"addedLater\":42}");
        jdbc.update("insert into article_event (article_id, event_id, event) values ('old', 'o2', cast(? as jsonb))",
                "{\"eventId\":\"o2\",\"articleId\":\"old\",\"revision\":1,\"at\":\"2026-01-05T10:00:00Z\","
                        + "\"actor\":\"distribution\",\"type\":\"StatusChanged\",\"event\":\"ArticlePublished\","
                        + "\"status\":\"PUBLISHED\",\"detail\":\"published\"}");

        ArticleView view = registry(shared).view("old").orElseThrow();
        assertThat(view.title()).isEqualTo("Old tea");
        assertThat(view.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(view.latest().orElseThrow().claims().get(0).claim().kind().name()).isEqualTo("OTHER");
        assertThat(view.latest().orElseThrow().summary()).isNull();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
