package org.vetted.distribution.app.webhooks;

import java.util.List;
import org.vetted.distribution.domain.webhooks.FieldProblem;

/** A subscription request refused, with each field's reason. */
public class InvalidSubscriptionException extends RuntimeException {
    private final transient List<FieldProblem> problems;

    public InvalidSubscriptionException(List<FieldProblem> problems) {
        super("invalid subscription: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
