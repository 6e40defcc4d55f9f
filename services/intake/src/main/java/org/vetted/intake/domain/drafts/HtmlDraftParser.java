package org.vetted.intake.domain.drafts;

import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Reads a draft copied from a web page as HTML (a fragment or a whole page). jsoup parses it as a browser would;
 * what is not article text is dropped (scripts, styles, frames, embeds, forms, navigation), and so is the page
 * furniture before the first {@code <h1>}, which is the title; Flexmark's HTML converter then writes the rest as
 * Markdown, which is read exactly as a Markdown draft (same limits, same debris rule), without front matter.
 * Curly quotes and dashes are kept as characters.
 */
public final class HtmlDraftParser {
    /**
     * Deepest nesting of elements read. Articles nest a dozen levels, whole pages a few dozen; the converter walks
     * the tree recursively (measured: 256 nested {@code <b>} overflow a 512 KiB stack), so deeper input is refused
     * before it is converted. jsoup itself never builds a tree deeper than 512.
     */
    public static final int MAX_ELEMENT_DEPTH = 100;
    /**
     * Most elements converted, once scripts, navigation and the like are gone. An article has a few hundred, a long
     * one with tables a few thousand; the converter takes time that grows faster than the number of paragraphs
     * (measured: 15,000 empty paragraphs 0.1 s, 15,000 "&lt;b&gt;&lt;p&gt;" 0.5 s, four times that many several
     * seconds), and the body limit alone would let 40,000 through.
     */
    public static final int MAX_ELEMENTS = 10_000;
    /** Not article text: code, media, forms and site navigation. Removed with everything inside them. */
    static final String NOT_CONTENT = "script, style, noscript, template, iframe, frame, frameset, object, embed, "
            + "applet, svg, math, canvas, audio, video, map, form, input, button, select, textarea, dialog, nav";
    /** How much of the page furniture before the title a warning quotes. */
    private static final int DROPPED_SHOWN = 160;

    private static final DataHolder OPTIONS = new MutableDataSet()
            .set(FlexmarkHtmlConverter.SETEXT_HEADINGS, false)
            // Keep “curly quotes” and dashes as they are: claim texts and ids are made from them.
            .set(FlexmarkHtmlConverter.TYPOGRAPHIC_QUOTES, false)
            .set(FlexmarkHtmlConverter.TYPOGRAPHIC_SMARTS, false)
            .set(FlexmarkHtmlConverter.OUTPUT_UNKNOWN_TAGS, false)
            .set(FlexmarkHtmlConverter.RENDER_COMMENTS, false)
            .set(FlexmarkHtmlConverter.OUTPUT_ATTRIBUTES_ID, false)
            .set(FlexmarkHtmlConverter.DIV_AS_PARAGRAPH, true)
            .set(FlexmarkHtmlConverter.UNORDERED_LIST_DELIMITER, '-')
            .toImmutable();

    private final MarkdownDraftParser markdown;
    /** Immutable once built; each conversion has its own state. */
    private final FlexmarkHtmlConverter converter =
            FlexmarkHtmlConverter.builder(OPTIONS).build();

    public HtmlDraftParser(MarkdownDraftParser markdown) {
        this.markdown = markdown;
    }

    /**
     * The draft as Markdown, or, for markup nested deeper than {@link #MAX_ELEMENT_DEPTH} or with more than
     * {@link #MAX_ELEMENTS} elements, a draft with no body and only that error: it is not converted at all.
     */
    public ParsedDraft parse(String html) {
        ReadingBudget.check();
        Document page = Jsoup.parse(html, "", Parser.htmlParser().setTrackPosition(true));
        ReadingBudget.check();
        Element body = page.body();
        Optional<FieldError> tooDeep = tooDeep(body);
        if (tooDeep.isPresent()) {
            return new ParsedDraft(null, null, List.of(), List.of(), null, List.of(), List.of(tooDeep.get()));
        }
        body.select(NOT_CONTENT).remove();
        int elements = body.getAllElements().size();
        if (elements > MAX_ELEMENTS) {
            return new ParsedDraft(
                    null,
                    null,
                    List.of(),
                    List.of(),
                    null,
                    List.of(),
                    List.of(new FieldError(
                            "body",
                            "HTML has " + elements + " elements; at most " + MAX_ELEMENTS
                                    + ": send the article without the rest of the page")));
        }
        List<String> warnings = new ArrayList<>();
        Element h1 = body.selectFirst("h1");
        String title = null;
        if (h1 != null) {
            String dropped = removeBefore(h1, body);
            if (!dropped.isEmpty()) {
                warnings.add("removed web-page text before the title: " + dropped);
            }
            // Its text as shown, not as the converter would escape it for Markdown ("Zinc \& Colds").
            title = Text.normalise(h1.text()).strip();
            h1.remove();
        }
        blockFigures(body);
        // The converter writes <aside> in the syntax of Flexmark's aside extension ("| " before each line), which
        // neither the renderer nor the extractors read: it is a block like any other.
        body.select("aside").tagName("div");
        String converted = converter.convert(body);
        ReadingBudget.check();
        // A character reference (&#27;) is decoded by the parser: the rule on control characters applies to the
        // result, title included.
        Optional<FieldError> control = InputLimits.noControlCharacters((title == null ? "" : title) + "\n" + converted);
        if (control.isPresent()) {
            return new ParsedDraft(
                    null,
                    null,
                    List.of(),
                    List.of(),
                    null,
                    List.of(),
                    List.of(new FieldError(
                            "body",
                            control.get()
                                    .reason()
                                    .replaceFirst(
                                            " at line \\d++, column \\d++", " (written as a character reference)"))));
        }
        // Character references (&#8203;, &shy;) are decoded here too: the converted text is put in normal form as
        // the submission was, title included.
        NormalForm.Result normalTitle = NormalForm.of(title == null ? "" : title, "title");
        NormalForm.Result normal = NormalForm.of(converted, "body");
        for (NormalForm.Result refused : List.of(normalTitle, normal)) {
            if (refused.refused()) {
                return new ParsedDraft(
                        null,
                        null,
                        List.of(),
                        List.of(),
                        null,
                        List.of(),
                        List.of(refused.error().get()));
            }
        }
        warnings.addAll(normalTitle.warnings());
        warnings.addAll(normal.warnings());
        ParsedDraft read = markdown.parse(normal.text(), false, title == null ? null : normalTitle.text());
        warnings.addAll(read.warnings());
        return new ParsedDraft(
                read.title(),
                read.summary(),
                read.tags(),
                read.authorNames(),
                read.bodyMarkdown(),
                warnings,
                read.errors().stream().map(HtmlDraftParser::inConvertedMarkdown).toList());
    }

    /** The first element nested deeper than {@link #MAX_ELEMENT_DEPTH}, as an error naming its line. Iterative. */
    static Optional<FieldError> tooDeep(Element body) {
        FieldError[] found = new FieldError[1];
        NodeTraversor.filter(
                new NodeFilter() {
                    @Override
                    public FilterResult head(Node node, int depth) {
                        if (node instanceof Element element && depth > MAX_ELEMENT_DEPTH) {
                            found[0] = new FieldError(
                                    "body",
                                    "HTML elements nested more than " + MAX_ELEMENT_DEPTH
                                            + " deep at line "
                                            + element.sourceRange().start().lineNumber() + "; at most "
                                            + MAX_ELEMENT_DEPTH);
                            return FilterResult.STOP;
                        }
                        return FilterResult.CONTINUE;
                    }
                },
                body);
        return Optional.ofNullable(found[0]);
    }

    /**
     * Removes everything before {@code title} in document order (site header, breadcrumbs, banners) and says what:
     * the page's own {@code <h1>} is where the article starts. Each node is visited once.
     */
    private static String removeBefore(Element title, Element body) {
        List<String> texts = new ArrayList<>();
        for (Node node = title; node != null && node != body; node = node.parent()) {
            while (node.previousSibling() != null) {
                Node before = node.previousSibling();
                String text = before instanceof Element element
                        ? element.text()
                        : before instanceof TextNode textNode ? textNode.text() : "";
                if (!text.isBlank()) {
                    texts.add(0, text.strip());
                }
                before.remove();
            }
        }
        String joined = String.join(" | ", texts);
        return joined.length() <= DROPPED_SHOWN ? joined : joined.substring(0, DROPPED_SHOWN) + "…";
    }

    /**
     * A figure's image and caption each become a paragraph: the converter does not know {@code <figure>} and would
     * run its image, its caption and the next paragraph together.
     */
    private static void blockFigures(Element body) {
        for (Element figure : body.select("figure")) {
            for (Element child : figure.children()) {
                if (child.nameIs("figcaption")) {
                    child.tagName("p");
                } else if (child.nameIs("img") || child.nameIs("picture")) {
                    child.wrap("<p></p>");
                }
            }
            figure.tagName("div");
        }
    }

    /** Line numbers in the Markdown step's errors are lines of the converted text, not of the submitted HTML. */
    private static FieldError inConvertedMarkdown(FieldError error) {
        return error.reason().contains(" line ")
                ? new FieldError(error.field(), error.reason() + " (of the Markdown made from the HTML)")
                : error;
    }
}
