package org.vetted.intake.domain.drafts;

/** How the submitted text is written. */
public enum DraftFormat {
    /** Pasted from a web page: title line, heading lines, one paragraph per line, maybe comment-form debris. */
    PLAIN_TEXT,
    /** Markdown, optionally with YAML front matter (title, authors, tags, summary). */
    MARKDOWN,
    /** HTML copied from a web page (a fragment or a whole page): converted to Markdown, then read as Markdown. */
    HTML
}
