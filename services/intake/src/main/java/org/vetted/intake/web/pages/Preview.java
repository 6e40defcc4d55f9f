package org.vetted.intake.web.pages;

import org.vetted.markdown.SafeMarkdown;

/**
 * What a revision will look like on the site: its Markdown through the same Flexmark and sanitizer settings rendering
 * publishes with ({@link SafeMarkdown}), so the only difference left is the medical-review byline added on approval.
 * The HTML is sanitized by the allowlist, so the templates may show it unescaped.
 */
record Preview(String html, String refusal) {
    private static final SafeMarkdown MARKDOWN = new SafeMarkdown();

    static Preview of(String markdown) {
        if (markdown == null) {
            return new Preview(null, "The text of this revision is not known yet.");
        }
        try {
            SafeMarkdown.Result result = MARKDOWN.render(markdown);
            return result instanceof SafeMarkdown.Html html
                    ? new Preview(html.html(), null)
                    : new Preview(null, "Not previewed: " + ((SafeMarkdown.Refused) result).reason() + ".");
        } catch (StackOverflowError e) {
            // Intake refuses such text before it is published; this guards texts read back from older releases.
            return new Preview(null, "Not previewed: the text is nested too deeply to render.");
        }
    }
}
