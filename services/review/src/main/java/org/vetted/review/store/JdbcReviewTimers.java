package org.vetted.review.store;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.vetted.review.app.ReviewTimers;
import org.vetted.review.domain.rereview.ReReviewStatus;

/**
 * {@link ReviewTimers} in PostgreSQL ({@code review_timer}, one row per article). Firing claims the rows that are
 * due with {@code FOR UPDATE SKIP LOCKED} inside one transaction, so two instances polling at once take disjoint
 * rows; a row is marked fired in that transaction only after its event was published, so a failed publish leaves it
 * to fire again, and a row marked fired never fires again (a restart refires nothing fired). Were the commit to fail
 * after a publish, the timer fires again with the same event id, which every reader takes as the same event.
 */
public class JdbcReviewTimers implements ReviewTimers {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public JdbcReviewTimers(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void schedule(Timer timer, boolean replaceSame) {
        String newer = "excluded.approved_at > review_timer.approved_at"
                + (replaceSame ? " or excluded.approved_at = review_timer.approved_at" : "");
        jdbc.update(
                "insert into review_timer (article_id, revision, content_hash, slug, approved_at, due_at, review_by, "
                        + "library_keys) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (article_id) do update set "
                        + "revision = excluded.revision, content_hash = excluded.content_hash, slug = excluded.slug, "
                        + "approved_at = excluded.approved_at, due_at = excluded.due_at, "
                        + "review_by = excluded.review_by, library_keys = excluded.library_keys, "
                        + "due_library_key = null, due_reason = null, due_fired_at = null, expired_fired_at = null "
                        + "where not review_timer.cancelled and (" + newer + ")",
                timer.articleId(),
                timer.revision(),
                timer.contentHash(),
                timer.slug(),
                Timestamp.from(timer.approvedAt()),
                Timestamp.from(timer.dueAt()),
                Timestamp.from(timer.reviewBy()),
                timer.libraryKeys().stream().sorted().toArray(String[]::new));
    }

    /** A claimed row: its timer, and what of it is to fire now. */
    private record Claimed(Timer timer, boolean due, boolean expired, String libraryKey, String libraryReason) {}

    @Override
    public int fireDue(Instant now, int limit, Consumer<Firing> fire) {
        Integer fired = transactions.execute(status -> {
            Timestamp at = Timestamp.from(now);
            List<Claimed> claimed = jdbc.query(
                    "select article_id, revision, content_hash, slug, approved_at, due_at, review_by, library_keys, "
                            + "due_library_key, due_reason, (due_fired_at is null and due_at <= ?), "
                            + "(expired_fired_at is null and review_by <= ?) "
                            + "from review_timer where not cancelled and ((due_fired_at is null and due_at <= ?) "
                            + "or (expired_fired_at is null and review_by <= ?)) "
                            + "order by least(due_at, review_by), article_id limit ? for update skip locked",
                    JdbcReviewTimers::claimed,
                    at,
                    at,
                    at,
                    at,
                    limit);
            int count = 0;
            for (Claimed row : claimed) {
                // Due before expired, both if both are late (after a long stop): a site sees them in order.
                if (row.due()) {
                    fire.accept(new Firing(row.timer(), ReReviewStatus.DUE, row.libraryKey(), row.libraryReason()));
                    jdbc.update(
                            "update review_timer set due_fired_at = ? where article_id = ?",
                            at,
                            row.timer().articleId());
                    count++;
                }
                if (row.expired()) {
                    fire.accept(new Firing(row.timer(), ReReviewStatus.EXPIRED, null, null));
                    jdbc.update(
                            "update review_timer set expired_fired_at = ? where article_id = ?",
                            at,
                            row.timer().articleId());
                    count++;
                }
            }
            return count;
        });
        return fired == null ? 0 : fired;
    }

    private static Claimed claimed(ResultSet row, int n) throws SQLException {
        Timer timer = new Timer(
                row.getString(1),
                row.getInt(2),
                row.getString(3),
                row.getString(4),
                row.getTimestamp(5).toInstant(),
                row.getTimestamp(6).toInstant(),
                row.getTimestamp(7).toInstant(),
                Set.copyOf(texts(row.getArray(8))));
        return new Claimed(timer, row.getBoolean(11), row.getBoolean(12), row.getString(9), row.getString(10));
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }

    @Override
    public List<String> dueForLibrary(String libraryKey, String reason, Instant at) {
        return jdbc.queryForList(
                "update review_timer set due_at = ?, due_library_key = ?, due_reason = ?, due_fired_at = null "
                        + "where not cancelled and ? = any(library_keys) and expired_fired_at is null "
                        + "and (due_library_key is null or due_library_key <> ?) returning article_id",
                String.class,
                Timestamp.from(at),
                libraryKey,
                reason,
                libraryKey,
                libraryKey);
    }

    @Override
    public void cancel(String articleId) {
        jdbc.update("update review_timer set cancelled = true where article_id = ?", articleId);
    }
}
