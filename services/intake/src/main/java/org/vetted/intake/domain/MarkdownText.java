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

    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern FENCE = Pattern.compile("^(```|~~~)");
    private static final Pattern ITEM_MARKER = Pattern.compile("^(?:[>\\s]*)(?:[-+*]\\s+|\\d+[.)]\\s+)?");
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__|`)");
    private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!>|~=<])");

    static List<Block> blocks(String markdown) {
        List<Block> blocks = new ArrayList<>();
        String section = null;
        StringBuilder paragraph = new StringBuilder();
        boolean inFence = false;
        for (String raw : markdown.split("\n", -1)) {
            String line = raw.strip();
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
                flush(paragraph, section, blocks);
                continue;
            }
            if (inFence) {
                continue;
            }
            var heading = HEADING.matcher(line);
            if (heading.matches()) {
                flush(paragraph, section, blocks);
                section = inline(heading.group(1));
                blocks.add(new Block(section, section, true));
            } else if (line.isEmpty() || line.startsWith("<") || line.matches("^([-*_=]\\s*){3,}$")) {
                flush(paragraph, section, blocks);
            } else {
                boolean listItem = line.matches("^([-+*]|\\d+[.)])\\s+.*");
                if (listItem) {
                    flush(paragraph, section, blocks);
                }
                if (!paragraph.isEmpty()) {
                    paragraph.append(' ');
                }
                paragraph.append(inline(ITEM_MARKER.matcher(line).replaceFirst("")));
            }
        }
        flush(paragraph, section, blocks);
        return blocks;
    }

    static String inline(String text) {
        String out = IMAGE.matcher(text).replaceAll("$1");
        out = LINK.matcher(out).replaceAll("$1");
        out = EMPHASIS.matcher(out).replaceAll("");
        return ESCAPE.matcher(out).replaceAll("$1").strip();
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
