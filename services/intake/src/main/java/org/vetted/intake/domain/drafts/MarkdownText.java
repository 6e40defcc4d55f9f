package org.vetted.intake.domain.drafts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Markdown body as the text a reader will see, for the extractors: headings, prose (paragraphs, list items,
 * quotes), table rows and images' alt text and titles, each with the heading it stands under. Inline markup is
 * reduced to its text; raw HTML is read for its text (the renderer shows it escaped, so its words go live); fenced
 * code is skipped, but only a fence that closes (a stray line of three backticks does not hide the rest). Public
 * (its blocks and their inline text) because claims and experts are found in these blocks ({@code domain.claims}).
 */
public final class MarkdownText {
    /** What part of the page a block is: each is decided on its own. */
    public enum Kind {
        /** A heading: its text, which is also the section of what follows. */
        HEADING,
        /** A paragraph or a quoted paragraph. */
        PROSE,
        /** A list item: often a phrase rather than a sentence, read in the light of the heading above it. */
        ITEM,
        /** A table row other than the header, its cells joined by {@link #CELL_SEPARATOR}. */
        ROW,
        /** An image's alt text or title: shown (or read out) on its own, so read on its own. */
        FRAGMENT
    }

    /** Between the headings of a section path. */
    public static final String SECTION_SEPARATOR = " › ";

    /**
     * A block of text, its section (the path of headings above it, outermost first, joined by
     * {@link #SECTION_SEPARATOR}), for prose and items the texts of its links, and for a table row its table's header
     * row (what its cells mean), else null.
     */
    public record Block(String text, String section, Kind kind, List<String> links, String header) {
        public Block {
            links = List.copyOf(links);
        }

        boolean heading() {
            return kind == Kind.HEADING;
        }

        /** Paragraphs and list items: the running text of the page. */
        public boolean prose() {
            return kind == Kind.PROSE || kind == Kind.ITEM;
        }
    }

    static final String CELL_SEPARATOR = " | ";

    // Every pattern here runs in linear time: possessive runs, and link text and targets that stop at the next
    // bracket, so a line of 10,000 "[" or "](" is read once, not once per bracket; tags stop at the next "<" or ">".
    private static final Pattern ITEM_MARKER = Pattern.compile("^[>\\s]*+(?:[-+*]\\s++|\\d++[.)]\\s++)?+");
    private static final Pattern LIST_ITEM = Pattern.compile("^(?:[-+*]|\\d++[.)])\\s");
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\[\\]]*+)\\]\\(([^()\\[\\]]*+)\\)");
    /** The title at the end of an image's destination: {@code (src "Title")}. */
    private static final Pattern TITLE = Pattern.compile("\\s[\"“']([^\"“”']++)[\"”']\\s*+$");

    private static final Pattern LINK = Pattern.compile("\\[([^\\[\\]]*+)\\]\\([^()\\[\\]]*+\\)");
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][^<>]*+>|<![^<>]*+>");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__|`)");
    private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!>|~=<])");

    public static List<Block> blocks(String markdown) {
        List<String> lines = List.of(markdown.split("\n", -1));
        boolean[] code = Fences.codeLines(lines);
        Reader reader = new Reader();
        for (int i = 0; i < lines.size(); i++) {
            ReadingBudget.check();
            String line = lines.get(i).strip();
            if (!line.startsWith("|")) {
                reader.header = null; // the table, if any, has ended
            }
            if (code[i] || Fences.looksLikeFence(line)) {
                reader.flush(); // fenced code, or the line of a fence that never closes: not prose either way
                continue;
            }
            String heading = headingText(line);
            if (heading != null) {
                reader.flush();
                reader.heading(headingLevel(line), inline(heading));
            } else if (line.startsWith("|")) {
                reader.flush();
                if (i + 1 < lines.size() && isDelimiterRow(lines.get(i + 1).strip())) {
                    reader.header = rowText(line);
                } else if (!isDelimiterRow(line)) {
                    reader.row(line);
                }
            } else if (line.isEmpty() || isRule(line)) {
                reader.flush();
            } else {
                // A line of raw HTML is a block of its own; a list item starts a block.
                boolean html = line.startsWith("<");
                boolean item = ReadingBudget.matcher(LIST_ITEM, line).lookingAt();
                if (html || item) {
                    reader.flush();
                }
                reader.item |= item;
                reader.prose(ReadingBudget.matcher(ITEM_MARKER, line).replaceFirst(""));
                if (html) {
                    reader.flush();
                }
            }
        }
        reader.flush();
        return reader.blocks;
    }

    /** The text a reader sees of a line of inline Markdown: tags, link targets, emphasis and escapes removed. */
    public static String inline(String text) {
        String out = ReadingBudget.matcher(TAG, text).replaceAll("");
        out = ReadingBudget.matcher(IMAGE, out).replaceAll("$1");
        out = ReadingBudget.matcher(LINK, out).replaceAll("$1");
        out = withoutEmphasis(ReadingBudget.matcher(EMPHASIS, out).replaceAll(""));
        return ReadingBudget.matcher(ESCAPE, out).replaceAll("$1").strip();
    }

    /** A line's text with tags, link and image targets and escapes removed, but emphasis marks kept. */
    static String plain(String text) {
        String out = ReadingBudget.matcher(TAG, text).replaceAll("");
        out = ReadingBudget.matcher(IMAGE, out).replaceAll("$1");
        out = ReadingBudget.matcher(LINK, out).replaceAll("$1");
        return ReadingBudget.matcher(ESCAPE, out).replaceAll("$1").strip();
    }

    /** The line without its links (text and target). */
    static String withoutLinks(String text) {
        return ReadingBudget.matcher(LINK, ReadingBudget.matcher(IMAGE, text).replaceAll(""))
                .replaceAll("");
    }

    /** The line without the quote and list markers it starts with. */
    static String withoutItemMarker(String line) {
        return ReadingBudget.matcher(ITEM_MARKER, line).replaceFirst("");
    }

    /**
     * Drops the "*" and "_" runs that open or close emphasis, those at a word's edge; marks inside a word
     * ("snake_case", "2*3") and escaped ones stay. Plain code, one pass.
     */
    static String withoutEmphasis(String text) {
        if (text.indexOf('*') < 0 && text.indexOf('_') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                out.append(c).append(text.charAt(i + 1));
                i += 2;
            } else if (c != '*' && c != '_') {
                out.append(c);
                i++;
            } else {
                int start = i;
                while (i < text.length() && (text.charAt(i) == '*' || text.charAt(i) == '_')) {
                    i++;
                }
                boolean wordBefore = start > 0 && Character.isLetterOrDigit(text.charAt(start - 1));
                boolean wordAfter = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
                if (wordBefore && wordAfter) {
                    out.append(text, start, i);
                }
            }
        }
        return out.toString();
    }

    /** The cells of a table row, each as inline text, empty ones left out, joined by {@link #CELL_SEPARATOR}. */
    static String rowText(String line) {
        List<String> cells = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == '|' && (i == 0 || line.charAt(i - 1) != '\\')) {
                String cell = inline(line.substring(start, i));
                if (!cell.isEmpty()) {
                    cells.add(cell);
                }
                start = i + 1;
            }
        }
        return String.join(CELL_SEPARATOR, cells);
    }

    /** A table's delimiter row: pipes, dashes, colons and spaces, with at least one dash. */
    static boolean isDelimiterRow(String line) {
        boolean dash = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '-') {
                dash = true;
            } else if (c != '|' && c != ':' && !Character.isWhitespace(c)) {
                return false;
            }
        }
        return dash && line.indexOf('|') >= 0;
    }

    /**
     * The text of an ATX heading ("## Text ##": one to six "#", a space, the text, optional closing "#"s), or null.
     * Plain code: the pattern it replaces backtracked cubically over a long run of spaces.
     */
    static int headingLevel(String line) {
        int hashes = 0;
        while (hashes < line.length() && line.charAt(hashes) == '#') {
            hashes++;
        }
        return hashes;
    }

    private record Heading(int level, String text) {}

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

    /** Collects blocks: a paragraph grows line by line; its images and links are noted as it grows. */
    private static final class Reader {
        final List<Block> blocks = new ArrayList<>();
        private final StringBuilder paragraph = new StringBuilder();
        private final List<String> links = new ArrayList<>();
        private final List<String> images = new ArrayList<>();
        private String section;
        /** The headings the text being read stands under, outermost first. */
        private final List<Heading> path = new ArrayList<>();
        /** The paragraph being read is a list item. */
        boolean item;
        /** The header row of the table being read, if any. */
        String header;

        /**
         * A heading opens a section inside the sections of the headings above it of a higher level: the section is the
         * whole path ("During pregnancy › Everyday use"), since "Everyday use" alone would hide that it is about
         * pregnancy.
         */
        void heading(int level, String text) {
            while (!path.isEmpty() && path.get(path.size() - 1).level() >= level) {
                path.remove(path.size() - 1);
            }
            path.add(new Heading(level, text));
            section = String.join(
                    SECTION_SEPARATOR, path.stream().map(Heading::text).toList());
            blocks.add(new Block(text, section, Kind.HEADING, List.of(), null));
        }

        void row(String line) {
            String text = rowText(line);
            if (!text.isEmpty()) {
                blocks.add(new Block(text, section, Kind.ROW, List.of(), header));
            }
        }

        /** A line of prose: its images become fragments of their own, the rest joins the paragraph. */
        void prose(String line) {
            Matcher image = ReadingBudget.matcher(IMAGE, line);
            StringBuilder rest = new StringBuilder(line.length());
            int last = 0;
            while (image.find()) {
                rest.append(line, last, image.start()).append(' ');
                last = image.end();
                images.add(inline(image.group(1)));
                Matcher title = ReadingBudget.matcher(TITLE, image.group(2));
                if (title.find()) {
                    images.add(inline(title.group(1)));
                }
            }
            rest.append(line, last, line.length());
            Matcher link = ReadingBudget.matcher(LINK, rest);
            while (link.find()) {
                links.add(inline(link.group(1)));
            }
            String text = inline(rest.toString());
            if (!text.isEmpty()) {
                if (!paragraph.isEmpty()) {
                    paragraph.append(' ');
                }
                paragraph.append(text);
            }
        }

        void flush() {
            if (!paragraph.isEmpty()) {
                blocks.add(new Block(paragraph.toString(), section, item ? Kind.ITEM : Kind.PROSE, links, null));
                paragraph.setLength(0);
            }
            item = false;
            links.clear();
            for (String image : images) {
                if (!image.isEmpty()) {
                    blocks.add(new Block(image, section, Kind.FRAGMENT, List.of(), null));
                }
            }
            images.clear();
        }
    }

    private MarkdownText() {}
}
