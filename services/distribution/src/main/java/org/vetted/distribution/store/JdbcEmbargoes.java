package org.vetted.distribution.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.vetted.distribution.app.Embargoes;

/**
 * {@link Embargoes} in PostgreSQL, shared by every instance: a held rendering survives restarts, and a due one is
 * locked with {@code for update skip locked} while it is decided, so two instances never release the same one (the
 * second skips it, and finds it decided once the first commits).
 */
public class JdbcEmbargoes implements Embargoes {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public JdbcEmbargoes(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public boolean hold(Held held) {
        return jdbc.update(
                        "insert into embargo (event_id, article_id, publish_at, rendering) values (?, ?, ?, ?) "
                                + "on conflict (event_id) do nothing",
                        held.eventId(),
                        held.articleId(),
                        Timestamp.from(held.publishAt()),
                        held.rendering())
                == 1;
    }

    @Override
    public int releaseDue(Instant now, int limit, Function<Held, Decision> release) {
        Integer decided = transactions.execute(status -> {
            List<Held> due = jdbc.query(
                    "select event_id, article_id, publish_at, rendering from embargo "
                            + "where state = 'PENDING' and publish_at <= ? order by publish_at, event_id limit ? "
                            + "for update skip locked",
                    (row, n) -> new Held(
                            row.getString(1),
                            row.getString(2),
                            row.getTimestamp(3).toInstant(),
                            row.getBytes(4)),
                    Timestamp.from(now),
                    limit);
            int count = 0;
            for (Held held : due) {
                Decision decision = release.apply(held);
                if (decision.release() == Release.LATER) {
                    continue;
                }
                jdbc.update(
                        "update embargo set state = ?, decided_at = ?, reason = ? where event_id = ?",
                        decision.release().name(),
                        Timestamp.from(now),
                        decision.reason(),
                        held.eventId());
                count++;
            }
            return count;
        });
        return decided == null ? 0 : decided;
    }

    @Override
    public boolean holds(String articleId) {
        return !jdbc.queryForList(
                        "select 1 from embargo where article_id = ? and state = 'PENDING' limit 1",
                        Integer.class,
                        articleId)
                .isEmpty();
    }

    @Override
    public Optional<String> state(String eventId) {
        return jdbc.queryForList("select state from embargo where event_id = ?", String.class, eventId).stream()
                .findFirst();
    }
}
