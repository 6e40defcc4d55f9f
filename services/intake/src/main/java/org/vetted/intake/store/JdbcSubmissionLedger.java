package org.vetted.intake.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vetted.intake.app.SubmissionLedger;
import org.vetted.intake.domain.claims.Expert;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link SubmissionLedger} in PostgreSQL, beside the article registry's tables and shared by every instance. A token
 * is claimed by inserting its row: the primary key (writer, token) lets exactly one of two concurrent submissions
 * in, whichever instance runs them. A claim left unsettled for {@link #LAPSE} (its instance died mid-submission;
 * Kafka's delivery timeout is two minutes) may be taken over.
 */
public class JdbcSubmissionLedger implements SubmissionLedger {
    static final Duration LAPSE = Duration.ofMinutes(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    public JdbcSubmissionLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public TokenClaim claim(String username, String token, String requestHash) {
        int taken = jdbc.update(
                "insert into submission_token (username, token, request_hash) values (?, ?, ?) on conflict "
                        + "(username, token) do update set claimed_at = now(), request_hash = excluded.request_hash "
                        + "where submission_token.article_id is null "
                        + "and submission_token.claimed_at < now() - ? * interval '1 second'",
                username,
                token,
                requestHash,
                LAPSE.toSeconds());
        if (taken == 1) {
            return new TokenClaim.Ours();
        }
        List<TokenClaim> found = jdbc.query(
                "select article_id, revision, request_hash from submission_token where username = ? and token = ?",
                (row, i) -> row.getString(1) == null
                        ? new TokenClaim.Pending()
                        : new TokenClaim.Done(row.getString(1), row.getInt(2), row.getString(3)),
                username,
                token);
        // Released between the two statements: the next attempt claims it.
        return found.isEmpty() ? new TokenClaim.Pending() : found.get(0);
    }

    @Override
    public void settle(String username, String token, String articleId, int revision) {
        jdbc.update(
                "update submission_token set article_id = ?, revision = ? where username = ? and token = ?",
                articleId,
                revision,
                username,
                token);
    }

    @Override
    public void release(String username, String token) {
        jdbc.update(
                "delete from submission_token where username = ? and token = ? and article_id is null",
                username,
                token);
    }

    /** Written field by field, like the stored events, so rows outlive changes to the records. */
    @Override
    public void keepNotes(String articleId, int revision, RevisionNotes notes) {
        ObjectNode node = JSON.createObjectNode();
        ArrayNode warnings = node.putArray("warnings");
        notes.warnings().forEach(warnings::add);
        ArrayNode experts = node.putArray("experts");
        notes.experts()
                .forEach(expert ->
                        experts.addObject().put("name", expert.name()).put("credential", expert.credential()));
        jdbc.update(
                "insert into revision_notes (article_id, revision, notes) values (?, ?, cast(? as jsonb)) "
                        + "on conflict do nothing",
                articleId,
                revision,
                JSON.writeValueAsString(node));
    }

    @Override
    public RevisionNotes notes(String articleId, int revision) {
        List<RevisionNotes> found = jdbc.query(
                "select notes from revision_notes where article_id = ? and revision = ?",
                (row, i) -> {
                    JsonNode node = JSON.readTree(row.getString(1));
                    List<String> warnings = new ArrayList<>();
                    node.path("warnings").forEach(warning -> warnings.add(warning.asString()));
                    List<Expert> experts = new ArrayList<>();
                    node.path("experts")
                            .forEach(expert -> experts.add(new Expert(
                                    expert.path("name").asString(),
                                    expert.path("credential").isNull()
                                            ? null
                                            : expert.path("credential").asString())));
                    return new RevisionNotes(warnings, experts);
                },
                articleId,
                revision);
        return found.isEmpty() ? RevisionNotes.NONE : found.get(0);
    }
}
