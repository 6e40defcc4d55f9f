package org.vetted.intake.domain.drafts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Limits on what a submitted text may contain, beyond its size: no control characters, and no structure nested deeper
 * than any article needs. Deep nesting is refused here, at the door, because every later step (the renderer's
 * Markdown parser, the HTML sanitizer, a reader's browser) walks it recursively. Each rule names the line (1-based)
 * so a writer can find it.
 */
public final class InputLimits {
    /** Deeper than any real article nests quotes, lists, emphasis or brackets; far below what breaks a parser. */
    public static final int MAX_QUOTE_DEPTH = 16;

    public static final int MAX_LIST_DEPTH = 16;
    public static final int MAX_EMPHASIS_DEPTH = 16;
    public static final int MAX_BRACKET_DEPTH = 16;
    /**
     * Longest paragraph, in characters. Markdown parsers read a paragraph's inline markup in time that grows faster
     * than its length (Flexmark, which renders and summarizes: code spans, entities, HTML-like text, headings full of
     * spaces), so one paragraph the length of a whole article could hold rendering for seconds. Real paragraphs stay
     * well under a thousand characters; a paste that lost its paragraph breaks is told where to split.
     */
    public static final int MAX_PARAGRAPH_CHARS = 5_000;
    /** Longest run of spaces and tabs inside a line: prose and indented code need far fewer. */
    public static final int MAX_BLANK_RUN = 200;
    /**
     * Most marks in a thematic break ("***", "- - -"): three make one. Flexmark matches a break with a regex that
     * recurses once per mark, so a line of 2,000 "*" overflows the renderer's stack.
     */
    public static final int MAX_RULE_MARKS = 200;

    private InputLimits() {}

    /**
     * C0 controls other than tab, line feed and carriage return, DEL and the C1 controls are refused: they have no
     * place in prose, and a NUL or an escape sequence ends up in logs, feeds and other systems' C strings.
     */
    public static Optional<FieldError> noControlCharacters(String text) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n' || c == '\r') {
                if (!(c == '\r' && i < text.length() && text.charAt(i) == '\n')) {
                    line++;
                    column = 1;
                }
                continue;
            }
            if (isRefusedControl(c)) {
                return Optional.of(new FieldError(
                        "body",
                        String.format(
                                "contains control character U+%04X at line %d, column %d; only tab, line feed and carriage "
                                        + "return are allowed",
                                c, line, column)));
            }
            column++;
        }
        return Optional.empty();
    }

    static boolean isRefusedControl(int c) {
        return c < 0x20 && c != '\t' || c >= 0x7F && c <= 0x9F;
    }

    /**
     * Block quotes, lists, emphasis and brackets each nested at most 16 deep, on Markdown lines numbered from
     * {@code firstLine}. Fenced code (a fence that closes, see {@link Fences}) is not read as structure and not checked.
     * At most one error per kind: the first.
     */
    public static List<FieldError> nestingWithinLimits(List<String> lines, int firstLine) {
        List<FieldError> errors = new ArrayList<>();
        boolean[] reported = new boolean[4];
        boolean[] code = Fences.codeLines(lines);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (code[i]) {
                continue;
            }
            int number = firstLine + i;
            if (!MarkdownText.isRule(line)) {
                Containers containers = containers(line);
                report(errors, reported, 0, "block quotes", containers.quotes, MAX_QUOTE_DEPTH, number);
                report(errors, reported, 1, "lists", containers.lists, MAX_LIST_DEPTH, number);
                report(errors, reported, 2, "emphasis", emphasisDepth(line), MAX_EMPHASIS_DEPTH, number);
            }
            report(errors, reported, 3, "brackets", bracketDepth(line), MAX_BRACKET_DEPTH, number);
        }
        return errors;
    }

    /**
     * Paragraphs of at most {@link #MAX_PARAGRAPH_CHARS} characters and no run of more than {@link #MAX_BLANK_RUN}
     * spaces or tabs, on Markdown lines numbered from {@code firstLine}. A paragraph is a run of non-blank lines
     * ({@code linesAreParagraphs}: each line, as pasted plain text becomes). Fenced code (a fence that closes) is not
     * parsed inline and not checked. At most one error per kind: the first.
     */
    public static List<FieldError> paragraphsWithinLimits(
            List<String> lines, int firstLine, boolean linesAreParagraphs) {
        List<FieldError> errors = new ArrayList<>();
        boolean[] code = Fences.codeLines(lines);
        boolean blankRunReported = false;
        int paragraphStart = -1;
        int paragraphChars = 0;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "";
            String stripped = line.strip();
            boolean inCode = i < lines.size() && code[i];
            boolean ends = stripped.isEmpty() || inCode || linesAreParagraphs;
            if (ends
                    && paragraphStart >= 0
                    && paragraphChars > MAX_PARAGRAPH_CHARS
                    && errors.stream().noneMatch(e -> e.reason().startsWith("paragraph"))) {
                errors.add(new FieldError(
                        "body",
                        "paragraph at line " + (firstLine + paragraphStart) + " has " + paragraphChars
                                + " characters; at most " + MAX_PARAGRAPH_CHARS + ": split it"));
            }
            if (ends) {
                paragraphStart = -1;
                paragraphChars = 0;
            }
            if (inCode || stripped.isEmpty()) {
                continue;
            }
            if (paragraphStart < 0) {
                paragraphStart = i;
            }
            paragraphChars += line.length();
            int marks = MarkdownText.isRule(line) ? ruleMarks(line) : 0;
            if (marks > MAX_RULE_MARKS
                    && errors.stream().noneMatch(e -> e.reason().startsWith("a rule"))) {
                errors.add(new FieldError(
                        "body",
                        "a rule of " + marks + " marks at line " + (firstLine + i) + "; at most " + MAX_RULE_MARKS));
            }
            int column = longestBlankRun(line, MAX_BLANK_RUN);
            if (column > 0 && !blankRunReported) {
                blankRunReported = true;
                errors.add(new FieldError(
                        "body",
                        "more than " + MAX_BLANK_RUN + " spaces or tabs in a row at line " + (firstLine + i)
                                + ", column " + column));
            }
        }
        return errors;
    }

    private static int ruleMarks(String line) {
        int marks = 0;
        for (int i = 0; i < line.length(); i++) {
            if ("-*_=".indexOf(line.charAt(i)) >= 0) {
                marks++;
            }
        }
        return marks;
    }

    /** The 1-based column where a run of more than {@code limit} spaces or tabs starts, or 0 when there is none. */
    static int longestBlankRun(String line, int limit) {
        int run = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            run = c == ' ' || c == '\t' ? run + 1 : 0;
            if (run > limit) {
                return i - run + 2;
            }
        }
        return 0;
    }

    private static void report(
            List<FieldError> errors, boolean[] reported, int kind, String what, int depth, int limit, int line) {
        if (depth > limit && !reported[kind]) {
            reported[kind] = true;
            errors.add(
                    new FieldError("body", what + " nested " + depth + " deep at line " + line + "; at most " + limit));
        }
    }

    record Containers(int quotes, int lists) {}

    /**
     * The quote markers (">") and list markers ("-", "+", "*", "1." or "1)" before a space) that open a line, in any
     * mix ("> - > 1. text"). An indented list item counts one level per two spaces of indent, as nested lists are
     * written.
     */
    static Containers containers(String line) {
        int quotes = 0;
        int lists = 0;
        int i = 0;
        int indent = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        indent = i;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
            } else if (c == '>') {
                quotes++;
                i++;
            } else if ((c == '-' || c == '+' || c == '*') && (i + 1 == line.length() || isSpace(line.charAt(i + 1)))) {
                lists++;
                i++;
            } else {
                int digits = 0;
                while (i + digits < line.length() && digits <= 9 && Character.isDigit(line.charAt(i + digits))) {
                    digits++;
                }
                int after = i + digits;
                if (digits == 0
                        || digits > 9
                        || after >= line.length()
                        || line.charAt(after) != '.' && line.charAt(after) != ')'
                        || after + 1 < line.length() && !isSpace(line.charAt(after + 1))) {
                    break;
                }
                lists++;
                i = after + 1;
            }
        }
        if (lists > 0) {
            lists += indent / 2;
        }
        return new Containers(quotes, lists);
    }

    /**
     * How many emphasis delimiters ("*", "_") are open at once: a run followed by a non-space opens as many levels
     * as it is long, a run after a non-space and before a space (or the end) closes them. Backslash escapes and code
     * spans are skipped.
     */
    static int emphasisDepth(String line) {
        int depth = 0;
        int max = 0;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '`') {
                int close = line.indexOf('`', i + 1);
                i = close < 0 ? line.length() : close + 1;
                continue;
            }
            if (c != '*' && c != '_') {
                i++;
                continue;
            }
            int start = i;
            while (i < line.length() && (line.charAt(i) == '*' || line.charAt(i) == '_')) {
                i++;
            }
            int run = i - start;
            boolean spaceBefore = start == 0 || Character.isWhitespace(line.charAt(start - 1));
            boolean spaceAfter = i == line.length() || Character.isWhitespace(line.charAt(i));
            boolean closes = !spaceBefore && (spaceAfter || depth > 0);
            if (closes) {
                depth = Math.max(0, depth - run);
            } else if (!spaceAfter) {
                depth += run;
                max = Math.max(max, depth);
            }
        }
        return max;
    }

    /** How many "[" and "(" are open at once; backslash-escaped ones do not count. */
    static int bracketDepth(String line) {
        int depth = 0;
        int max = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[' || c == '(') {
                max = Math.max(max, ++depth);
            } else if ((c == ']' || c == ')') && depth > 0) {
                depth--;
            }
        }
        return max;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }
}
