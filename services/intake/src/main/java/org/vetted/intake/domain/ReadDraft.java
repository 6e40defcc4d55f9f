package org.vetted.intake.domain;

import java.util.List;

/** A draft read and checked, everything that follows from its text alone; not yet numbered or credited. */
public record ReadDraft(String title, String summary, List<String> tags, List<String> authorNames, String body,
                        List<Claim> claims, List<Expert> experts, List<String> warnings)
        implements Reading {
    public ReadDraft {
        tags = List.copyOf(tags);
        authorNames = List.copyOf(authorNames);
        claims = List.copyOf(claims);
        experts = List.copyOf(experts);
        warnings = List.copyOf(warnings);
    }
}
