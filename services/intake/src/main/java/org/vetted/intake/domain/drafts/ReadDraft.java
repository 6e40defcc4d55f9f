package org.vetted.intake.domain.drafts;

import java.util.List;
import org.vetted.intake.domain.claims.Claim;
import org.vetted.intake.domain.claims.Expert;

/** A draft read and checked, everything that follows from its text alone; not yet numbered or credited. */
public record ReadDraft(
        String title,
        String summary,
        List<String> tags,
        List<String> authorNames,
        String body,
        List<Claim> claims,
        List<Expert> experts,
        List<String> warnings)
        implements Reading {
    public ReadDraft {
        tags = List.copyOf(tags);
        authorNames = List.copyOf(authorNames);
        claims = List.copyOf(claims);
        experts = List.copyOf(experts);
        warnings = List.copyOf(warnings);
    }
}
