package org.vetted.intake.domain.drafts;

import java.util.List;

/**
 * What a parser read from the submitted text, before validation: a title, an optional summary, tags, the author
 * names given in front matter, the Markdown body, warnings, errors the parser itself found (bad front matter), and the correction note
 * and embargo time as front matter gave them (raw, judged by {@link LifecycleFields}).
 */
public record ParsedDraft(
        String title,
        String summary,
        List<String> tags,
        List<String> authorNames,
        String bodyMarkdown,
        List<String> warnings,
        List<FieldError> errors,
        String correction,
        String publishAt) {
    public ParsedDraft {
        tags = List.copyOf(tags);
        authorNames = List.copyOf(authorNames);
        warnings = List.copyOf(warnings);
        errors = List.copyOf(errors);
    }

    /** Without a correction note or an embargo (only front matter gives them). */
    public ParsedDraft(
            String title,
            String summary,
            List<String> tags,
            List<String> authorNames,
            String bodyMarkdown,
            List<String> warnings,
            List<FieldError> errors) {
        this(title, summary, tags, authorNames, bodyMarkdown, warnings, errors, null, null);
    }
}
