package org.vetted.intake.domain.drafts;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns an article pasted from a web page into Markdown. The first non-blank line is the title; a short line without
 * final punctuation is a section heading; every other line is a paragraph. Web-page debris at the end (comment
 * form, share buttons, related posts) is removed and reported by {@link WebPageDebris}, as for every format. Curly quotes and dashes are kept; NBSP becomes a space, CRLF becomes LF.
 */
public final class PlainTextDraftParser {
    static final int HEADING_MAX_WORDS = 12;
    static final int HEADING_MAX_CHARS = 90;

    private static final String FINAL_PUNCTUATION = ".!?:;,…";
    private static final String CLOSERS = "\"'”’»)]";

    public ParsedDraft parse(String pasted) {
        List<String> lines = List.of(Text.normalise(pasted).split("\n", -1));
        String title = null;
        StringBuilder body = new StringBuilder();
        List<String> asMarkdown = new ArrayList<>(lines.size());
        for (String raw : lines) {
            ReadingBudget.check();
            String line = raw.strip();
            if (line.isEmpty()) {
                asMarkdown.add(line);
                continue;
            }
            if (title == null) {
                title = line;
                asMarkdown.add(asProse(line));
                continue;
            }
            if (!body.isEmpty()) {
                body.append('\n');
            }
            String markdown = isHeading(line) ? "## " + line : asProse(line);
            asMarkdown.add(markdown);
            body.append(markdown).append('\n');
        }
        // Checked on the Markdown each pasted line becomes, so the escaping of line starts is what is tested.
        List<FieldError> errors = new ArrayList<>(InputLimits.nestingWithinLimits(asMarkdown, 1));
        errors.addAll(InputLimits.paragraphsWithinLimits(asMarkdown, 1, true));
        WebPageDebris.Trimmed trimmed = WebPageDebris.removeTrailing(body.toString());
        return new ParsedDraft(title, null, List.of(), List.of(), trimmed.bodyMarkdown(), trimmed.warnings(), errors);
    }

    /** A short line (at most 12 words and 90 characters) that does not end like a sentence. */
    static boolean isHeading(String line) {
        return line.length() <= HEADING_MAX_CHARS
                && line.split("\\s+").length <= HEADING_MAX_WORDS
                && !endsLikeASentence(line);
    }

    /** Ends in ". ! ? : ; , …", or in such punctuation before closing quotes or brackets. */
    private static boolean endsLikeASentence(String line) {
        int end = line.length();
        while (end > 0 && CLOSERS.indexOf(line.charAt(end - 1)) >= 0) {
            end--;
        }
        return end > 0 && FINAL_PUNCTUATION.indexOf(line.charAt(end - 1)) >= 0;
    }

    /**
     * A pasted line is prose: a line start that Markdown would read as structure (a heading "#", a quote ">" even
     * without a space, a list item "-", "+", "*", "1." or "1)", a rule "***" or "___", a setext "=", a fence, a table
     * or HTML) gets a backslash, which makes its first character literal and so the line a paragraph.
     */
    static String asProse(String line) {
        int delimiter = orderedListDelimiter(line);
        if (delimiter > 0) {
            // "1\. ": a backslash before a digit would be no escape, and would show.
            return line.substring(0, delimiter) + "\\" + line.substring(delimiter);
        }
        return startsStructure(line) ? "\\" + line : line;
    }

    /** Where the "." or ")" of an ordered-list marker ("12. ", "3)") is, or -1. */
    private static int orderedListDelimiter(String line) {
        int digits = 0;
        while (digits < line.length() && line.charAt(digits) >= '0' && line.charAt(digits) <= '9') {
            digits++;
        }
        boolean marker = digits > 0
                && digits < line.length()
                && (line.charAt(digits) == '.' || line.charAt(digits) == ')')
                && (digits + 1 == line.length() || Character.isWhitespace(line.charAt(digits + 1)));
        return marker ? digits : -1;
    }

    private static boolean startsStructure(String line) {
        if (line.isEmpty()) {
            return false;
        }
        char first = line.charAt(0);
        if ("#>=`~|<".indexOf(first) >= 0 || MarkdownText.isRule(line)) {
            return true;
        }
        return (first == '-' || first == '+' || first == '*')
                && (line.length() == 1 || Character.isWhitespace(line.charAt(1)));
    }
}
