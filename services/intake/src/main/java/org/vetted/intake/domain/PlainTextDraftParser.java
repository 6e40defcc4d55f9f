package org.vetted.intake.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Turns an article pasted from a web page into Markdown. The first non-blank line is the title; a short line without
 * final punctuation is a section heading; every other line is a paragraph. Comment-form and share-button debris at
 * the end of the text is removed and reported. Curly quotes and dashes are kept; NBSP becomes a space, CRLF becomes LF.
 */
public final class PlainTextDraftParser {
    static final int HEADING_MAX_WORDS = 12;
    static final int HEADING_MAX_CHARS = 90;

    /** Lines that are page furniture when they close the text: exact lines, case-insensitive. */
    private static final List<String> DEBRIS_LINES = List.of(
            "leave a reply", "leave a comment", "cancel reply", "comment", "comments", "name", "email", "e-mail",
            "website", "post comment", "submit comment", "share this", "share", "print", "related posts", "related",
            "related articles", "you may also like", "sign up for our newsletter", "subscribe", "click to share",
            "like this", "like", "loading...", "tweet", "pin it", "email this", "reply");
    /** Debris lines recognised by how they start. */
    private static final List<String> DEBRIS_PREFIXES = List.of(
            "your email address will not be published", "required fields are marked", "save my name, email",
            "share on ", "click to share on ", "click to print", "click to email", "sign up for our newsletter",
            "this site uses akismet", "notify me of ", "you must be logged in to post a comment");
    private static final String FINAL_PUNCTUATION = ".!?:;,…";
    private static final String CLOSERS = "\"'”’»)]";
    private static final String DEBRIS_TRAILERS = "*:.…";

    public ParsedDraft parse(String pasted) {
        List<String> lines = new ArrayList<>(List.of(Text.normalise(pasted).split("\n", -1)));
        List<String> warnings = new ArrayList<>();
        List<String> debris = removeTrailingDebris(lines);
        if (!debris.isEmpty()) {
            warnings.add("removed trailing web-page debris: " + String.join(" | ", debris));
        }
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
        return new ParsedDraft(title, null, List.of(), List.of(), body.toString(), warnings, errors);
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

    private static List<String> removeTrailingDebris(List<String> lines) {
        List<String> removed = new ArrayList<>();
        int end = lines.size();
        while (end > 0) {
            String line = lines.get(end - 1).strip();
            if (line.isEmpty()) {
                end--;
            } else if (isDebris(line)) {
                removed.add(line);
                end--;
            } else {
                break;
            }
        }
        lines.subList(end, lines.size()).clear();
        Collections.reverse(removed);
        return removed;
    }

    static boolean isDebris(String line) {
        String key = line.toLowerCase(Locale.ROOT).replace('’', '\'').strip();
        if (key.chars().allMatch(c -> Character.isDigit(c) || Character.isWhitespace(c) || c == '*')) {
            return true; // comment counters and lone asterisks of a comment form
        }
        int end = key.length();
        while (end > 0 && (Character.isWhitespace(key.charAt(end - 1))
                || DEBRIS_TRAILERS.indexOf(key.charAt(end - 1)) >= 0)) {
            end--;
        }
        String bare = key.substring(0, end).strip();
        return DEBRIS_LINES.contains(bare) || DEBRIS_PREFIXES.stream().anyMatch(key::startsWith);
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
        boolean marker = digits > 0 && digits < line.length()
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
