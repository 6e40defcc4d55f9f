package org.vetted.intake.domain.claims;

import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.data.DataSet;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The summary that goes live, decided before review so the reviewer approves it: the writer's own when they gave one, otherwise the first paragraph of the body as plain text
 * (Markdown syntax, raw HTML and footnote markers removed, whitespace collapsed), at most 300 characters (code
 * points), cut at a word and ended with an ellipsis. A non-breaking space is not a place to cut.
 */
public final class SummaryWriter {
    public static final int MAX_LENGTH = 300;
    /** How much of the body is read for the first paragraph: more than a paragraph may hold. */
    static final int HEAD_CHARS = 6_000;

    private static final Pattern WHITESPACE = Pattern.compile("\\p{javaWhitespace}+");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\p{javaWhitespace},;:\\-–—(\\[“‘\"']+$");
    private static final String ELLIPSIS = "…";

    private final Parser parser;

    public SummaryWriter() {
        DataSet options = new MutableDataSet()
                .set(Parser.EXTENSIONS, List.of(FootnoteExtension.create()))
                .toImmutable();
        this.parser = Parser.builder(options).build();
    }

    /**
     * @param writerSummary the writer's summary, or null
     * @param fallback      used when the body has no paragraph with text (the title, say)
     */
    public String summaryOf(String writerSummary, String bodyMarkdown, String fallback) {
        if (writerSummary != null && !writerSummary.isBlank()) {
            return writerSummary.strip();
        }
        Document document = parser.parse(head(bodyMarkdown == null ? "" : bodyMarkdown));
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Paragraph paragraph) {
                String text = plainText(paragraph);
                if (!text.isEmpty()) {
                    return shorten(text);
                }
            }
        }
        return fallback == null
                ? ""
                : shorten(WHITESPACE.matcher(fallback).replaceAll(" ").strip());
    }

    /**
     * The start of the body, where the first paragraph is: parsing all of it would cost time (Markdown's inline
     * parsing grows faster than the text) for a summary that never goes past the first paragraph.
     */
    static String head(String body) {
        if (body.length() <= HEAD_CHARS) {
            return body;
        }
        int cut = HEAD_CHARS;
        if (Character.isLowSurrogate(body.charAt(cut))) {
            cut--;
        }
        return body.substring(0, cut);
    }

    private static String plainText(Paragraph paragraph) {
        // Footnote markers are not prose: drop them before collecting the text.
        List<Node> markers = new ArrayList<>();
        for (Node node : paragraph.getDescendants()) {
            if (node instanceof Footnote) {
                markers.add(node);
            }
        }
        markers.forEach(Node::unlink);
        String text = new TextCollectingVisitor().collectAndGetText(paragraph);
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    static String shorten(String text) {
        if (text.codePointCount(0, text.length()) <= MAX_LENGTH) {
            return text;
        }
        int limit = text.offsetByCodePoints(0, MAX_LENGTH - 1);
        int cut = limit;
        while (cut > 0 && !Character.isWhitespace(text.charAt(cut))) {
            cut--;
        }
        String head = cut > 0 ? text.substring(0, cut) : text.substring(0, limit);
        head = TRAILING_PUNCTUATION.matcher(head).replaceAll("");
        return head + ELLIPSIS;
    }
}
