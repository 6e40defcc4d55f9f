package org.vetted.review.domain.gate;

import java.util.ArrayList;
import java.util.List;
import org.vetted.review.domain.board.ArticleReview;

/**
 * Decides whether the claim decisions of a revision allow it to be approved: every rule is asked and every reason is
 * reported. Asked by {@link ReviewDesk} only after the sign-off rules let the signer and the text through.
 */
public final class ReviewGate {
    private final List<GateRule> rules;

    public ReviewGate(List<GateRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static ReviewGate withDefaultRules() {
        return new ReviewGate(GateRule.defaults());
    }

    public GateResult check(ArticleReview review) {
        List<String> reasons = new ArrayList<>();
        for (GateRule rule : rules) {
            reasons.addAll(rule.blockers(review));
        }
        return reasons.isEmpty() ? GateResult.PASSED : new Blocked(reasons);
    }
}
