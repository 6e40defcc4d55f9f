package org.vetted.review.domain;

import java.util.ArrayList;
import java.util.List;

/** Decides whether a revision may be approved: every rule is asked and every reason is reported. */
public final class ReviewGate {
    private final List<GateRule> rules;

    public ReviewGate(List<GateRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static ReviewGate withDefaultRules() {
        return new ReviewGate(GateRule.defaults());
    }

    public GateResult check(SignOffRequest request, ArticleReview review) {
        List<String> reasons = new ArrayList<>();
        for (GateRule rule : rules) {
            reasons.addAll(rule.blockers(request, review));
        }
        return reasons.isEmpty() ? GateResult.PASSED : new Blocked(reasons);
    }
}
