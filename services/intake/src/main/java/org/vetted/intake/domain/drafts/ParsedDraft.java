package org.vetted.intake.domain.drafts;

import java.util.List;

/**
 * What a parser read from the submitted text, before validation: a title, an optional summary, tags, the author
 * names given in front matter, the Markdown body, warnings, and errors the parser itself found (bad front matter).
 */
public record ParsedDraft(
        String title,
        String summary,
        List<String> tags,
        List<String> authorNames,
        String bodyMarkdown,
        List<String> warnings,
        List<FieldError> errors) {
    public ParsedDraft {
        tags = List.copyOf(tags);
        authorNames = List.copyOf(authorNames);
        warnings = List.copyOf(warnings);
        errors = List.copyOf(errors);
    }
}
