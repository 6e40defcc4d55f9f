package org.vetted.intake.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

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
    private static final Pattern FINAL_PUNCTUATION = Pattern.compile("[.!?:;,…]+[\"'”’»)\\]]*$");
    private static final Pattern COUNTER_LINE = Pattern.compile("^[\\d\\s*]+$");
    private static final Pattern MARKDOWN_SIGNIFICANT_START = Pattern.compile("^(#{1,6}(\\s|$)|[>+*-]\\s|\\d+[.)]\\s|[=`~|<]|-{3,}$)");

    public ParsedDraft parse(String pasted) {
        List<String> lines = new ArrayList<>(List.of(Text.normalise(pasted).split("\n", -1)));
        List<String> warnings = new ArrayList<>();
        List<String> debris = removeTrailingDebris(lines);
        if (!debris.isEmpty()) {
            warnings.add("removed trailing web-page debris: " + String.join(" | ", debris));
        }
        String title = null;
        StringBuilder body = new StringBuilder();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (title == null) {
                title = line;
                continue;
            }
            if (!body.isEmpty()) {
                body.append('\n');
            }
            body.append(isHeading(line) ? "## " + line : escapeLineStart(line)).append('\n');
        }
        return new ParsedDraft(title, null, List.of(), List.of(), body.toString(), warnings, List.of());
    }

    /** A short line (at most 12 words and 90 characters) that does not end like a sentence. */
    static boolean isHeading(String line) {
        return line.length() <= HEADING_MAX_CHARS
                && line.split("\\s+").length <= HEADING_MAX_WORDS
                && !FINAL_PUNCTUATION.matcher(line).find();
    }

    private static List<String> removeTrailingDebris(List<String> lines) {
        List<String> removed = new ArrayList<>();
        int end = lines.size();
        while (end > 0) {
            String line = lines.get(end - 1).strip();
            if (line.isEmpty()) {
                end--;
            } else if (isDebris(line)) {
                removed.add(0, line);
                end--;
            } else {
                break;
            }
        }
        lines.subList(end, lines.size()).clear();
        return removed;
    }

    static boolean isDebris(String line) {
        String key = line.toLowerCase(Locale.ROOT).replace('’', '\'').strip();
        if (COUNTER_LINE.matcher(key).matches()) {
            return true; // comment counters and lone asterisks of a comment form
        }
        String bare = key.replaceAll("[\\s*:.…]+$", "").strip();
        return DEBRIS_LINES.contains(bare) || DEBRIS_PREFIXES.stream().anyMatch(key::startsWith);
    }

    /** A pasted line is prose: a leading "#", "-", "1." or ">" must not turn it into Markdown structure. */
    private static String escapeLineStart(String line) {
        return MARKDOWN_SIGNIFICANT_START.matcher(line).find() ? "\\" + line : line;
    }
}
