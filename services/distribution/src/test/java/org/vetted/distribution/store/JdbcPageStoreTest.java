package org.vetted.distribution.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.vetted.contract.EventCatalog;
import org.vetted.distribution.Signed;
import org.vetted.distribution.app.PageStore;
import org.vetted.distribution.app.PageStoreTest;
import org.vetted.distribution.domain.Articles;
import org.vetted.distribution.domain.PublishedArticle;
import org.vetted.distribution.domain.WithdrawnArticle;
import org.vetted.distribution.messaging.EventMapper;
import org.vetted.distribution.messaging.SealedPageRecords;
import org.vetted.events.ArticleCorrected;
import org.vetted.events.ArticlePublished;
import org.vetted.support.projection.TestDatabase;
import org.vetted.support.signing.Seals;

/**
 * The page rules on a real PostgreSQL, migrated as the service migrates it; what two instances share; and that a
 * page altered in the database is not served.
 */
@ExtendWith(OutputCaptureExtension.class)
class JdbcPageStoreTest extends PageStoreTest {
    private static final Instant MONDAY = Instant.parse("2026-11-23T10:00:00Z");
    private static final EventCatalog CATALOG = EventCatalog.standard();

    @Override
    protected PageStore newStore() {
        return signedFirst(store(migratedDatabase()));
    }

    static DataSource migratedDatabase() {
        return TestDatabase.migrated("classpath:db/migration", "classpath:db/projection-support");
    }

    static JdbcPageStore store(DataSource dataSource) {
        return new JdbcPageStore(
                new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                new SealedPageRecords(new Seals(Signed.DISTRIBUTION)));
    }

    /** The store as {@code servePublished} feeds it: with signed publications only. */
    static PageStore signedFirst(PageStore store) {
        return new PageStore() {
            @Override
            public Outcome apply(PublishedArticle article) {
                return store.apply(Signed.publication(article));
            }

            @Override
            public Optional<Page> findBySlug(String slug) {
                return store.findBySlug(slug);
            }

            @Override
            public Outcome apply(WithdrawnArticle withdrawal) {
                return store.apply(Signed.withdrawal(withdrawal));
            }

            @Override
            public Optional<Page> findByArticle(String articleId) {
                return store.findByArticle(articleId);
            }

            @Override
            public List<Page> newestFirst(int limit) {
                return store.newestFirst(limit);
            }

            @Override
            public List<Page> olderThan(Position position, int limit) {
                return store.olderThan(position, limit);
            }

            @Override
            public List<Page> newerThan(Position position, int limit) {
                return store.newerThan(position, limit);
            }

            @Override
            public long count() {
                return store.count();
            }

            @Override
            public List<Page> inArticleIdOrder(long offset, int limit) {
                return store.inArticleIdOrder(offset, limit);
            }

            @Override
            public List<DeletedEntry> deletedEntries(int limit) {
                return store.deletedEntries(limit);
            }

            @Override
            public List<Page> newestFirstWithRetracted(int limit) {
                return store.newestFirstWithRetracted(limit);
            }

            @Override
            public List<WithdrawnArticle> withdrawnNewestFirst(int limit) {
                return store.withdrawnNewestFirst(limit);
            }
        };
    }

    @Test
    void aSecondInstanceServesWhatTheFirstStored() {
        DataSource shared = migratedDatabase();
        store(shared).apply(Signed.publication(Articles.published("a1", 1, "walking", "Walking", MONDAY)));

        JdbcPageStore other = store(shared);
        assertThat(other.findBySlug("walking")).hasValueSatisfying(page -> {
            assertThat(page.article().title()).isEqualTo("Walking");
            assertThat(page.article().publishedAt()).isEqualTo(MONDAY);
        });
        assertThat(other.apply(Signed.publication(Articles.published("a1", 1, "walking", "Walking", MONDAY))))
                .as("the same event through another instance")
                .isEqualTo(PageStore.Outcome.DUPLICATE);
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
                    PublishedArticle article = Signed.publication(
                            Articles.published("r" + round + "-" + i, 1, slug, "Racer " + i, MONDAY));
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

                assertThat(outcomes)
                        .as(slug)
                        .containsExactlyInAnyOrder(PageStore.Outcome.STORED, PageStore.Outcome.SLUG_TAKEN);
                String winner = instances
                        .get(0)
                        .findBySlug(slug)
                        .orElseThrow()
                        .article()
                        .articleId();
                assertThat(instances
                                .get(1)
                                .findBySlug(slug)
                                .orElseThrow()
                                .article()
                                .articleId())
                        .isEqualTo(winner);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    // --- whoever holds the database's credential cannot make distribution serve what it did not sign

    @Test
    void aPageWhoseHtmlWasChangedInTheDatabaseIsNotServed(CapturedOutput output) {
        Tampering db = new Tampering();
        db.store("a1", "walking", "Walking");

        // The same number of bytes, so the row still decodes: only the signature tells.
        db.sql.update("update page set article = decode(replace(encode(article, 'hex'), encode('<p>'::bytea, 'hex'), "
                + "encode('<b>'::bytea, 'hex')), 'hex') where article_id = 'a1'");

        assertThat(CATALOG.decode(db.stored("a1")))
                .isInstanceOfSatisfying(
                        ArticlePublished.class,
                        altered -> assertThat(altered.getHtml()).startsWith("<b>Revision 1"));
        db.assertNotServed("a1", "walking");
        assertThat(output).contains("Not serving article a1", "does not verify");
    }

    @Test
    void aCorrectionWhoseNoteWasChangedInTheDatabaseIsNotListed(CapturedOutput output) {
        Tampering db = new Tampering();
        db.store("a1", "walking", "Walking");
        assertThat(db.store.apply(Signed.publication(
                        Articles.corrected("a1", 2, "walking", "Walking", MONDAY.plusSeconds(60), "Fixed the dose."))))
                .isEqualTo(PageStore.Outcome.STORED);
        assertThat(db.store.findBySlug("walking"))
                .hasValueSatisfying(page -> assertThat(page.corrections()).hasSize(1));

        byte[] row = db.sql.queryForObject("select record from correction where article_id = 'a1'", byte[].class);
        ArticleCorrected altered = (ArticleCorrected) CATALOG.decode(row);
        altered.setCorrection("Nothing was wrong.");
        db.sql.update("update correction set record = ? where article_id = 'a1'", CATALOG.encode(altered));

        assertThat(db.store.findBySlug("walking"))
                .hasValueSatisfying(page -> assertThat(page.corrections()).isEmpty());
        assertThat(output).contains("stored correction", "is not what distribution signed");
    }

    @Test
    void aPageWhoseHtmlWasReplacedInTheDatabaseIsNotServed(CapturedOutput output) {
        Tampering db = new Tampering();
        db.store("a1", "walking", "Walking");

        db.alter("a1", event -> event.setHtml("<p>Walking cures back pain.</p><script>steal()</script>"));

        db.assertNotServed("a1", "walking");
        assertThat(output).contains("Not serving article a1", "does not verify");
    }

    @Test
    void aPageWhoseTitleWasChangedInTheDatabaseIsNotServed(CapturedOutput output) {
        Tampering db = new Tampering();
        db.store("a1", "walking", "Walking");
        db.store("a2", "sleep", "Sleep");

        db.alter("a1", event -> event.setTitle("Walking Cures Back Pain"));

        db.assertNotServed("a1", "walking");
        assertThat(db.store.findBySlug("sleep"))
                .as("the other pages are served")
                .isPresent();
        assertThat(db.store.newestFirst(10))
                .extracting(page -> page.article().articleId())
                .containsExactly("a2");
        assertThat(output).contains("Not serving article a1", "does not verify");
    }

    @Test
    void aPageStoredWithoutItsSignatureIsNotServed(CapturedOutput output) {
        Tampering db = new Tampering();

        // As the previous version stored every page; or a row inserted by hand.
        db.store.apply(Articles.published("a1", 1, "walking", "Walking", MONDAY));

        db.assertNotServed("a1", "walking");
        assertThat(output).contains("Not serving article a1", "it carries no signature");
    }

    @Test
    void aSignedPageIsNotServedInAnotherArticlesPlace(CapturedOutput output) {
        Tampering db = new Tampering();
        db.store("a1", "walking", "Walking");
        db.store("a2", "sleep", "Sleep");

        db.sql.update("update page set article = (select article from page where article_id = 'a2') "
                + "where article_id = 'a1'");

        db.assertNotServed("a1", "walking");
        assertThat(output).contains("Not serving article a1", "it holds the signed publication of article a2");
    }

    @Test
    void aSlugPointedAtAnotherArticleServesNothing(CapturedOutput output) {
        Tampering db = new Tampering();
        db.store("a1", "walking", "Walking");
        db.store("a2", "sleep", "Sleep");

        db.sql.update("update slug_owner set article_id = 'a2' where slug = 'walking'");

        assertThat(db.store.findBySlug("walking")).isEmpty();
        assertThat(db.store.findBySlug("sleep")).isPresent();
        assertThat(output).contains("Not serving article a2", "another slug than its signed slug 'sleep'");
    }

    @Test
    void upgradingEmptiesThePagesStoredWithoutSignaturesForTheProjectionToRebuildThem() {
        DataSource database = new DriverManagerDataSource(TestDatabase.fresh(), "postgres", "");
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration", "classpath:db/projection-support")
                .target("1")
                .load()
                .migrate();
        JdbcTemplate sql = new JdbcTemplate(database);
        // As the previous version stored a page: the publication without its signature.
        byte[] unsigned =
                CATALOG.encode(EventMapper.toEvent(Articles.published("a1", 1, "walking", "Walking", MONDAY)));
        sql.update("insert into page values ('a1', 'walking', 1, now(), now(), ?)", (Object) unsigned);
        sql.update("insert into slug_owner values ('walking', 'a1')");
        sql.update("insert into applied_event values ('e1')");
        sql.update("insert into projection_position values ('pages', 'article.published', 0, 1), "
                + "('other', 'article.published', 0, 7)");

        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration", "classpath:db/projection-support")
                .target("2")
                .load()
                .migrate();

        for (String table : List.of("page", "slug_owner", "applied_event")) {
            assertThat(sql.queryForObject("select count(*) from " + table, Integer.class))
                    .as(table)
                    .isZero();
        }
        assertThat(sql.queryForList("select projection from projection_position", String.class))
                .containsExactly("other");
    }

    @Test
    void upgradingToTheJournalRebuildsThePagesFromTheTopic() {
        DataSource database = new DriverManagerDataSource(TestDatabase.fresh(), "postgres", "");
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration", "classpath:db/projection-support")
                .target("2")
                .load()
                .migrate();
        JdbcTemplate sql = new JdbcTemplate(database);
        sql.update("insert into applied_event values ('e1')");
        sql.update("insert into projection_position values ('pages', 'article.published', 0, 1), "
                + "('other', 'article.published', 0, 7)");

        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration", "classpath:db/projection-support")
                .load()
                .migrate();

        assertThat(sql.queryForObject("select to_regclass('applied_event') is null", Boolean.class))
                .isTrue();
        assertThat(sql.queryForList("select projection from projection_position", String.class))
                .containsExactly("other");
        PublishedArticle article = Signed.publication(Articles.published("a1", 1, "walking", "Walking", MONDAY));
        JdbcPageStore store = store(database);
        assertThat(store.apply(article)).isEqualTo(PageStore.Outcome.STORED);
        assertThat(store.apply(article)).isEqualTo(PageStore.Outcome.DUPLICATE);
        assertThat(sql.queryForObject(
                        "select event from event_journal where event_id = ?", byte[].class, article.eventId()))
                .as("kept as the signed record")
                .isEqualTo(new SealedPageRecords(new Seals(Signed.DISTRIBUTION)).encode(article));
    }

    /** A database of pages, and SQL on it as whoever holds its credential. */
    private static final class Tampering {
        final DataSource database = migratedDatabase();
        final JdbcTemplate sql = new JdbcTemplate(database);
        final JdbcPageStore store = JdbcPageStoreTest.store(database);

        void store(String articleId, String slug, String title) {
            assertThat(store.apply(Signed.publication(Articles.published(articleId, 1, slug, title, MONDAY))))
                    .isEqualTo(PageStore.Outcome.STORED);
            assertThat(store.findBySlug(slug)).as("served before the tampering").isPresent();
        }

        byte[] stored(String articleId) {
            return sql.queryForObject("select article from page where article_id = ?", byte[].class, articleId);
        }

        /** The row rewritten with a well-formed record, its signature kept. */
        void alter(String articleId, Consumer<ArticlePublished> change) {
            ArticlePublished event = (ArticlePublished) CATALOG.decode(stored(articleId));
            change.accept(event);
            sql.update("update page set article = ? where article_id = ?", CATALOG.encode(event), articleId);
        }

        void assertNotServed(String articleId, String slug) {
            assertThat(store.findBySlug(slug)).as("the page").isEmpty();
            assertThat(store.newestFirst(10))
                    .as("the feed")
                    .extracting(page -> page.article().articleId())
                    .doesNotContain(articleId);
        }
    }
}
