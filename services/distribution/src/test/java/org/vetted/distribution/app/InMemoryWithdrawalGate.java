package org.vetted.distribution.app;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.vetted.distribution.domain.Withdrawal;

/** {@link WithdrawalGate} in memory, for tests of the use cases. */
public final class InMemoryWithdrawalGate implements WithdrawalGate {
    private final Map<String, Withdrawal> byArticle = new HashMap<>();

    @Override
    public synchronized Optional<Withdrawal> find(String articleId) {
        return Optional.ofNullable(byArticle.get(articleId));
    }

    @Override
    public synchronized void record(Withdrawal withdrawal) {
        byArticle.merge(
                withdrawal.articleId(),
                withdrawal,
                (known, later) -> later.kind().escalates(known.kind()) ? later : known);
    }
}
