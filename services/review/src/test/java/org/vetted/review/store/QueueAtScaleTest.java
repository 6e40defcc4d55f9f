package org.vetted.review.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.risk.FourEyesRule;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.review.app.Incoming;
import org.vetted.review.app.QueueOrder;
import org.vetted.review.app.QueuePage;
import org.vetted.review.app.QueuePosition;
import org.vetted.review.app.QueueQuery;
import org.vetted.review.domain.board.ArticleReview;
import org.vetted.review.messaging.EventMapper;
import org.vetted.review.messaging.SignedEventRecords;
import org.vetted.review.support.DraftEvents;
import org.vetted.support.projection.TestDatabase;

/**
 * The queue at scale: 20,000 open revisions (seeded in one SQL statement, as the plan reads only the queue's table),
 * and every page's select answered by an index, never by reading the table through. The plan is asserted rather than
 * a time: a time depends on the machine, a sequential scan grows with the queue on every machine.
 */
class QueueAtScaleTest {
    private static final int OPEN = 20_000;
    private static final EventMapper MAPPER = new EventMapper(DemoKeys.signaturesOf(Issuer.REVIEW));
    private static final EventCatalog CATALOG = EventCatalog.standard();
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private static DataSource database;
    private static JdbcTemplate jdbc;
    private static JdbcReviewStore store;

    @BeforeAll
    static void seed() {
        database = TestDatabase.migrated("classpath:db/migration");
        jdbc = new JdbcTemplate(database);
        store = new JdbcReviewStore(
                database,
                jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(database)),
                FourEyesRule.defaults(),
                new SignedEventRecords(MAPPER),
                3);
        // Rows of the queue's table only (no facts behind them): enough for the planner, and fast. One in ten is
        // closed; a few wait for a second reviewer; titles repeat a handful of words, as real ones do.
        jdbc.update("insert into review_article (article_id, open, submitted_at, title, title_folded, author_keys, "
                + "tags, waits_for_second_reviewer, high_risk_open, deciders, queue_indexed) "
                + "select 'seed-' || lpad(i::text, 6, '0'), i % 10 <> 0, "
                + "timestamptz '2026-01-01' + i * interval '1 minute', 'Article ' || i, "
                + "'article ' || i || ' on ' || (array['ginger', 'turmeric', 'magnesium', 'sleep'])[i % 4 + 1], "
                + "array['wanda'], array['seed'], i % 50 = 0, i % 3, array[]::text[], true "
                + "from generate_series(1, " + OPEN * 10 / 9 + ") as i");
        jdbc.execute("analyze review_article");
    }

    private static List<String> plan(QueueQuery query) {
        QueueSql sql = QueueSql.of(query);
        return jdbc.queryForList("explain " + sql.select(), String.class, sql.arguments());
    }

    private static QueueQuery query(QueueOrder order, String title, QueuePosition from, boolean backwards) {
        return new QueueQuery(order, null, null, false, null, title, from, backwards, 25);
    }

    @Test
    void everyOrderReadsItsIndexInOrderWithoutSortingTheQueue() {
        QueuePosition middle = new QueuePosition(false, 1, Instant.parse("2026-01-08T00:00:00Z"), "seed-010080");
        for (QueueOrder order : QueueOrder.values()) {
            for (QueuePosition from : new QueuePosition[] {null, middle}) {
                for (boolean backwards : from == null ? new boolean[] {false} : new boolean[] {false, true}) {
                    List<String> plan = plan(query(order, null, from, backwards));
                    String shown = String.join("\n", plan);
                    assertThat(shown)
                            .as("%s from %s%s", order, from, backwards ? " backwards" : "")
                            .doesNotContain("Seq Scan")
                            .doesNotContain("Sort")
                            .contains(
                                    order == QueueOrder.RISK
                                            ? "review_article_queue_risk"
                                            : "using review_article_queue ");
                }
            }
        }
    }

    @Test
    void aTitleSearchThatMatchesNothingReadsTheTrigramIndex() {
        for (QueueOrder order : QueueOrder.values()) {
            String shown = String.join("\n", plan(query(order, "zzzz", null, false)));
            assertThat(shown).as(order.name()).doesNotContain("Seq Scan").contains("review_article_queue_title");
        }
        // The search words are folded as the titles are: invisible characters, case and full-width letters aside.
        assertThat(QueueSql.of(query(QueueOrder.OLDEST, "\u200BＺＺzz", null, false))
                        .arguments())
                .contains("%zzzz%");
    }

    /**
     * Pages read one after another while new revisions arrive (newer, so after the reader's position, and older,
     * so before it): every article open throughout is read exactly once, in order; no article twice.
     */
    @Test
    void pagingWhileArticlesArriveMissesAndRepeatsNothing() {
        String tag = "paging-" + UUID.randomUUID();
        List<String> throughout = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            throughout.add(submit(tag, "Paging " + i, NOW.minusSeconds(3600 - 60L * i)));
        }
        List<String> read = new ArrayList<>();
        QueuePosition from = null;
        int arrivals = 0;
        do {
            QueuePage page =
                    store.queue(new QueueQuery(QueueOrder.OLDEST, null, tag, false, null, null, from, false, 2));
            page.reviews().stream().map(ArticleReview::articleId).forEach(read::add);
            from = page.next();
            if (arrivals < 3) {
                // One newer than all (read on a later page) and one older than the reader's position (not read).
                submit(tag, "Arrived " + arrivals, NOW.minusSeconds(60L - arrivals));
                submit(tag, "Late " + arrivals, NOW.minusSeconds(7200 + arrivals));
                arrivals++;
            }
        } while (from != null);

        Set<String> distinct = new HashSet<>(read);
        assertThat(distinct).as("no article twice").hasSize(read.size());
        assertThat(read.subList(0, throughout.size())).containsExactlyElementsOf(throughout);
        assertThat(read).as("the newer arrivals, after").hasSize(throughout.size() + 3);
    }

    private static String submit(String tag, String title, Instant submittedAt) {
        String articleId = "art-" + UUID.randomUUID();
        var draft = DraftEvents.listed(articleId, false, title, List.of(tag), submittedAt);
        store.apply(((Incoming.Fact) MAPPER.toDomain(draft)).event(), CATALOG.encode(draft));
        return articleId;
    }
}
