package org.vetted.review.domain.gate;

import java.util.List;

/** The revision may not be approved, for these reasons (sentences a reviewer can act on). */
public record Blocked(List<String> reasons) implements GateResult, SignOffOutcome {
    public Blocked {
        reasons = List.copyOf(reasons);
    }
}
