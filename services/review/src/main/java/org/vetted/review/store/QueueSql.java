package org.vetted.review.store;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.vetted.review.app.QueueOrder;
import org.vetted.review.app.QueuePosition;
import org.vetted.review.app.QueueQuery;

/**
 * The select of one queue page: the filters on {@code review_article}'s queue facts, and a keyset on the order's
 * sort keys (a row comparison the order's index answers), reading one row more than the page. The array filters are
 * containments, which their GIN indexes answer; the title search a {@code like} the trigram index answers. Nothing
 * here counts the queue: a page costs the same at any depth and any size of queue. A page before a
 * position is read in the reverse order, then turned round by the caller.
 */
record QueueSql(String select, Object[] arguments) {

    static QueueSql of(QueueQuery query) {
        List<Object> arguments = new ArrayList<>();
        StringBuilder where = new StringBuilder("open");
        if (query.author() != null) {
            where.append(" and author_keys @> array[?]::text[]");
            arguments.add(query.author());
        }
        if (query.tag() != null) {
            where.append(" and tags @> array[?]::text[]");
            arguments.add(query.tag());
        }
        if (query.needsSecondReviewer()) {
            where.append(" and waits_for_second_reviewer");
        }
        if (query.decidedBy() != null) {
            where.append(" and deciders @> array[?]::text[]");
            arguments.add(query.decidedBy());
        }
        if (query.titleContains() != null) {
            // The trigram index on title_folded answers this (V21); both sides are in ClaimText.folded's form.
            where.append(" and title_folded like ? escape '\\'");
            arguments.add("%"
                    + query.titleContains()
                            .replace("\\", "\\\\")
                            .replace("%", "\\%")
                            .replace("_", "\\_") + "%");
        }
        boolean risk = query.order() == QueueOrder.RISK;
        String keys = risk
                ? "(not waits_for_second_reviewer), (-high_risk_open), submitted_at, article_id"
                : "submitted_at, article_id";
        // Ascending keys for oldest and riskiest first; newest first reads them descending.
        boolean descending = query.order() == QueueOrder.NEWEST ^ query.backwards();
        QueuePosition from = query.from();
        if (from != null) {
            where.append(" and (")
                    .append(keys)
                    .append(descending ? ") < (" : ") > (")
                    .append(risk ? "?, ?, ?, ?" : "?, ?")
                    .append(')');
            if (risk) {
                arguments.add(!from.waitsForSecondReviewer());
                arguments.add(-from.highRiskOpen());
            }
            arguments.add(Timestamp.from(from.submittedAt()));
            arguments.add(from.articleId());
        }
        String direction = descending ? " desc" : "";
        String order = risk
                ? "(not waits_for_second_reviewer)" + direction + ", (-high_risk_open)" + direction + ", submitted_at"
                        + direction + ", article_id" + direction
                : "submitted_at" + direction + ", article_id" + direction;
        arguments.add(query.limit() + 1);
        return new QueueSql(
                "select article_id, waits_for_second_reviewer, high_risk_open, submitted_at "
                        + "from review_article where " + where + " order by " + order + " limit ?",
                arguments.toArray());
    }
}
