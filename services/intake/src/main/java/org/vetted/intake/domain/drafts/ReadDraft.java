package org.vetted.intake.domain.drafts;

import java.time.Instant;
import java.util.List;
import org.vetted.intake.domain.claims.Claim;
import org.vetted.intake.domain.claims.Expert;

/** A draft read and checked, everything that follows from its text alone; not yet numbered or credited.
 * {@code correction}: the correction note in normal form, null if none; {@code publishAt}: the embargo, null if none. */
public record ReadDraft(
        String title,
        String summary,
        List<String> tags,
        List<String> authorNames,
        String body,
        List<Claim> claims,
        List<Expert> experts,
        List<String> warnings,
        String correction,
        Instant publishAt)
        implements Reading {
    public ReadDraft {
        tags = List.copyOf(tags);
        authorNames = List.copyOf(authorNames);
        claims = List.copyOf(claims);
        experts = List.copyOf(experts);
        warnings = List.copyOf(warnings);
    }

    /** No correction, no embargo. */
    public ReadDraft(
            String title,
            String summary,
            List<String> tags,
            List<String> authorNames,
            String body,
            List<Claim> claims,
            List<Expert> experts,
            List<String> warnings) {
        this(title, summary, tags, authorNames, body, claims, experts, warnings, null, null);
    }
}
