package org.vetted.distribution.app;

import java.util.Optional;
import org.vetted.distribution.domain.Withdrawal;

/**
 * Review's withdrawals as distribution recorded them before making them public: what {@code publishArticle} checks
 * every rendering against. Written before the public event is sent, so a rendering read after that is refused.
 * The service keeps it in PostgreSQL ({@code JdbcWithdrawalGate}), each row the decision as review signed it.
 */
public interface WithdrawalGate {
    /** No article withdrawn (for tests of publication alone). */
    WithdrawalGate NONE = new WithdrawalGate() {
        @Override
        public Optional<Withdrawal> find(String articleId) {
            return Optional.empty();
        }

        @Override
        public void record(Withdrawal withdrawal) {
            throw new UnsupportedOperationException("no withdrawals here");
        }
    };

    /** The decision in force for the article (the one going furthest), if it was withdrawn. */
    Optional<Withdrawal> find(String articleId);

    /** Records a decision; one that goes no further than the recorded one changes nothing. */
    void record(Withdrawal withdrawal);
}
