package org.vetted.distribution.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vetted.distribution.Signed;
import org.vetted.distribution.domain.Articles;
import org.vetted.distribution.domain.Withdrawal;
import org.vetted.distribution.domain.WithdrawalKind;
import org.vetted.distribution.messaging.SealedPageRecords;
import org.vetted.support.signing.Seals;

class JdbcWithdrawalGateTest {
    private static final Instant MONDAY = Instant.parse("2026-11-23T10:00:00Z");

    private final DataSource database = JdbcPageStoreTest.migratedDatabase();
    private final JdbcTemplate jdbc = new JdbcTemplate(database);
    private final JdbcWithdrawalGate gate =
            new JdbcWithdrawalGate(jdbc, new SealedPageRecords(new Seals(Signed.DISTRIBUTION)));

    private static Withdrawal decision(WithdrawalKind kind, Instant at) {
        return Signed.decision(Articles.decision("a1", kind, "walking", at));
    }

    @Test
    void aDecisionReadsBackAsReviewSignedItAndOnlyATakedownReplacesARetraction() {
        assertThat(gate.find("a1")).isEmpty();
        Withdrawal retraction = decision(WithdrawalKind.RETRACTED, MONDAY);
        gate.record(retraction);
        assertThat(gate.find("a1")).contains(retraction);

        Withdrawal takedown = decision(WithdrawalKind.UNPUBLISHED, MONDAY.plusSeconds(60));
        gate.record(takedown);
        gate.record(decision(WithdrawalKind.RETRACTED, MONDAY.plusSeconds(120)));
        assertThat(gate.find("a1")).contains(takedown);
    }

    @Test
    void aRowChangedInTheDatabaseDoesNotVerifyAndKeepsTheGateShut() {
        gate.record(decision(WithdrawalKind.RETRACTED, MONDAY));
        byte[] row = jdbc.queryForObject("select decision from withdrawal_gate where article_id = 'a1'", byte[].class);
        row[row.length - 20] ^= 1;
        jdbc.update("update withdrawal_gate set decision = ? where article_id = 'a1'", (Object) row);

        assertThatThrownBy(() -> gate.find("a1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not verify");
    }

    @Test
    void anUnsignedDecisionDoesNotVerify() {
        gate.record(Articles.decision("a1", WithdrawalKind.RETRACTED, "walking", MONDAY));

        assertThatThrownBy(() -> gate.find("a1")).hasMessageContaining("not signed by the review service");
    }
}
