package org.vetted.distribution.store;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vetted.distribution.app.PageRecords;
import org.vetted.distribution.app.WithdrawalGate;
import org.vetted.distribution.domain.Withdrawal;

/**
 * {@link WithdrawalGate} in PostgreSQL ({@code withdrawal_gate}), shared by every instance: one row per article, the
 * decision going furthest, as review signed it. A row read back is verified with review's keys, as the record was
 * from the topic. A row that fails is logged as an error and makes {@link #find} throw: the rendering checked against
 * it is not published (dead-lettered with the cause), so the gate stays shut.
 */
public class JdbcWithdrawalGate implements WithdrawalGate {
    private static final Logger log = LoggerFactory.getLogger(JdbcWithdrawalGate.class);

    private final JdbcTemplate jdbc;
    private final PageRecords records;

    public JdbcWithdrawalGate(JdbcTemplate jdbc, PageRecords records) {
        this.jdbc = jdbc;
        this.records = records;
    }

    private record Row(String articleId, String kind, byte[] decision) {}

    @Override
    public Optional<Withdrawal> find(String articleId) {
        return jdbc
                .query(
                        "select article_id, kind, decision from withdrawal_gate where article_id = ?",
                        (row, n) -> new Row(row.getString(1), row.getString(2), row.getBytes(3)),
                        articleId)
                .stream()
                .findFirst()
                .map(this::verified);
    }

    private Withdrawal verified(Row row) {
        PageRecords.Read read = records.decodeDecision(row.decision());
        if (read instanceof PageRecords.Decision decision
                && decision.decision().articleId().equals(row.articleId())) {
            return decision.decision();
        }
        String problem = read instanceof PageRecords.Refused refused
                ? refused.reason()
                : "it holds a decision on another article";
        log.error(
                "Article {}: its withdrawal row is not what review signed ({}); the article stays withdrawn",
                row.articleId(),
                problem);
        throw new IllegalStateException(
                "the withdrawal of article " + row.articleId() + " does not verify: " + problem);
    }

    @Override
    public void record(Withdrawal withdrawal) {
        jdbc.update(
                "insert into withdrawal_gate (article_id, kind, event_id, decision) values (?, ?, ?, ?) "
                        + "on conflict (article_id) do update set kind = excluded.kind, event_id = excluded.event_id, "
                        + "decision = excluded.decision "
                        + "where withdrawal_gate.kind = 'RETRACTED' and excluded.kind = 'UNPUBLISHED'",
                withdrawal.articleId(),
                withdrawal.kind().name(),
                withdrawal.eventId(),
                records.encode(withdrawal));
    }
}
