package org.vetted.intake.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a Markdown body as prose for the extractors: blocks of plain text (paragraphs, list items, quotes) with the
 * heading they stand under. Inline markup is reduced to its text; code blocks and raw HTML lines are skipped.
 */
final class MarkdownText {
    /** A block of prose, or a heading (then {@code text} is the heading itself). */
    record Block(String text, String section, boolean heading) {
    }

    // Every pattern here runs in linear time: possessive runs, and link text and targets that stop at the next
    // bracket, so a line of 10,000 "[" or "](" is read once, not once per bracket.
    private static final Pattern ITEM_MARKER = Pattern.compile("^[>\\s]*+(?:[-+*]\\s++|\\d++[.)]\\s++)?+");
    private static final Pattern LIST_ITEM = Pattern.compile("^(?:[-+*]|\\d++[.)])\\s");
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\[\\]]*+)\\]\\([^()\\[\\]]*+\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\[\\]]*+)\\]\\([^()\\[\\]]*+\\)");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__|`)");
    private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!>|~=<])");

    static List<Block> blocks(String markdown) {
        List<Block> blocks = new ArrayList<>();
        String section = null;
        StringBuilder paragraph = new StringBuilder();
        boolean inFence = false;
        for (String raw : markdown.split("\n", -1)) {
            String line = raw.strip();
            ReadingBudget.check();
            if (line.startsWith("```") || line.startsWith("~~~")) {
                inFence = !inFence;
                flush(paragraph, section, blocks);
                continue;
            }
            if (inFence) {
                continue;
            }
            String heading = headingText(line);
            if (heading != null) {
                flush(paragraph, section, blocks);
                section = inline(heading);
                blocks.add(new Block(section, section, true));
            } else if (line.isEmpty() || line.startsWith("<") || isRule(line)) {
                flush(paragraph, section, blocks);
            } else {
                if (ReadingBudget.matcher(LIST_ITEM, line).lookingAt()) {
                    flush(paragraph, section, blocks);
                }
                if (!paragraph.isEmpty()) {
                    paragraph.append(' ');
                }
                paragraph.append(inline(ReadingBudget.matcher(ITEM_MARKER, line).replaceFirst("")));
            }
        }
        flush(paragraph, section, blocks);
        return blocks;
    }

    static String inline(String text) {
        String out = ReadingBudget.matcher(IMAGE, text).replaceAll("$1");
        out = ReadingBudget.matcher(LINK, out).replaceAll("$1");
        out = ReadingBudget.matcher(EMPHASIS, out).replaceAll("");
        return ReadingBudget.matcher(ESCAPE, out).replaceAll("$1").strip();
    }

    /**
     * The text of an ATX heading ("## Text ##": one to six "#", a space, the text, optional closing "#"s), or null.
     * Plain code: the pattern it replaces backtracked cubically over a long run of spaces.
     */
    static String headingText(String line) {
        int hashes = 0;
        while (hashes < line.length() && line.charAt(hashes) == '#') {
            hashes++;
        }
        if (hashes < 1 || hashes > 6 || hashes == line.length() || !Character.isWhitespace(line.charAt(hashes))) {
            return null;
        }
        return withoutClosingHashes(line.substring(hashes));
    }

    /** "Text ##  " → "Text": trailing spaces, then closing "#"s, then spaces again are dropped. */
    static String withoutClosingHashes(String text) {
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        while (end > 0 && text.charAt(end - 1) == '#') {
            end--;
        }
        return text.substring(0, end).strip();
    }

    /** A thematic break or setext underline: three or more of "-", "*", "_" or "=", spaces between allowed. */
    static boolean isRule(String line) {
        int marks = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '-' || c == '*' || c == '_' || c == '=') {
                marks++;
            } else if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return marks >= 3;
    }

    private static void flush(StringBuilder paragraph, String section, List<Block> blocks) {
        if (!paragraph.isEmpty()) {
            blocks.add(new Block(paragraph.toString(), section, false));
            paragraph.setLength(0);
        }
    }

    private MarkdownText() {
    }
}
