package org.vetted.intake.domain.claims;

import java.util.List;

/** The experts a draft quotes, each once, and warnings about them (a quoted expert with no stated credential). */
public record ExpertsFound(List<Expert> experts, List<String> warnings) {
    public ExpertsFound {
        experts = List.copyOf(experts);
        warnings = List.copyOf(warnings);
    }
}
