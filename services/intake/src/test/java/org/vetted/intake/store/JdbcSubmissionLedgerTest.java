package org.vetted.intake.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vetted.intake.app.SubmissionLedger;
import org.vetted.intake.app.SubmissionLedger.TokenClaim;
import org.vetted.intake.domain.claims.Expert;

/** Form tokens and revision notes on a real PostgreSQL, shared by two instances of intake. */
class JdbcSubmissionLedgerTest {
    private final DataSource database = JdbcArticleRegistryTest.migratedDatabase();
    private final SubmissionLedger one = new JdbcSubmissionLedger(new JdbcTemplate(database));
    private final SubmissionLedger other = new JdbcSubmissionLedger(new JdbcTemplate(database));

    @Test
    void aTokenIsClaimedByOneInstanceAndTheOtherLearnsWhatItMade() {
        assertThat(one.claim("wanda", "t-1", "h-1")).isEqualTo(new TokenClaim.Ours());
        assertThat(other.claim("wanda", "t-1", "h-1")).isEqualTo(new TokenClaim.Pending());
        assertThat(other.claim("walter", "t-1", "h-1"))
                .as("tokens are per writer")
                .isEqualTo(new TokenClaim.Ours());

        one.settle("wanda", "t-1", "a-1", 2);
        assertThat(other.claim("wanda", "t-1", "h-1")).isEqualTo(new TokenClaim.Done("a-1", 2, "h-1"));
        one.release("wanda", "t-1");
        assertThat(one.claim("wanda", "t-1", "h-1"))
                .as("a settled token stays settled")
                .isEqualTo(new TokenClaim.Done("a-1", 2, "h-1"));
    }

    @Test
    void aSettledTokenKnowsTheRequestItWasFor() {
        assertThat(one.claim("wanda", "t-3", "h-3")).isEqualTo(new TokenClaim.Ours());
        one.settle("wanda", "t-3", "a-3", 1);

        TokenClaim again = other.claim("wanda", "t-3", "another request");
        assertThat(again).isEqualTo(new TokenClaim.Done("a-3", 1, "h-3"));
        assertThat(((TokenClaim.Done) again).madeFor("h-3")).isTrue();
        assertThat(((TokenClaim.Done) again).madeFor("another request")).isFalse();
    }

    @Test
    void aReleasedTokenMayBeClaimedAgain() {
        assertThat(one.claim("wanda", "t-2", "h-2")).isEqualTo(new TokenClaim.Ours());
        one.release("wanda", "t-2");
        assertThat(other.claim("wanda", "t-2", "h-2")).isEqualTo(new TokenClaim.Ours());
    }

    @Test
    void aRevisionsWarningsAndExpertsAreKept() {
        one.keepNotes(
                "a-1",
                1,
                new SubmissionLedger.RevisionNotes(
                        List.of("no credential stated for Sam Lee"),
                        List.of(new Expert("Sam Lee", null), new Expert("Ana Ruiz", "MD"))));

        SubmissionLedger.RevisionNotes notes = other.notes("a-1", 1);
        assertThat(notes.warnings()).containsExactly("no credential stated for Sam Lee");
        assertThat(notes.experts()).containsExactly(new Expert("Sam Lee", null), new Expert("Ana Ruiz", "MD"));
        assertThat(other.notes("a-1", 2)).isEqualTo(SubmissionLedger.RevisionNotes.NONE);
    }
}
