package org.vetted.markdown;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataSet;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * An article's Markdown to HTML a reader may safely be shown. Two independent defences: Flexmark escapes raw HTML
 * and suppresses script-like links in any case, and every rendered fragment then passes an allowlist sanitizer, so
 * whatever Flexmark lets through (entity-encoded schemes, odd attributes) is still removed. Rendering publishes with
 * this and intake previews with it, so a writer's preview is what goes live. Immutable and thread-safe.
 */
public final class SafeMarkdown {
    /** A link target in the body is an in-page footnote anchor or an http, https or mailto URL; nothing else. */
    private static final Pattern ALLOWED_HREF =
            Pattern.compile("#(?:fn|fnref)-[A-Za-z0-9_-]{1,64}|(?i:https?|mailto):[^\\s]+");

    private static final Pattern FOOTNOTE_ID = Pattern.compile("(?:fn|fnref)-[A-Za-z0-9_-]{1,64}");

    /**
     * Deepest nesting of Markdown nodes rendered (a quote in a list item in a quote is 3). Flexmark renders
     * recursively: a line of 1,000 {@code >} overflows the stack. Intake refuses such drafts; this is the second
     * line, for whatever reaches the topic another way. No article needs more than a handful of levels.
     */
    public static final int MAX_NESTING = 32;

    /** Largest published article HTML, in UTF-8 bytes: the body and the medical-review byline rendering adds. */
    public static final int MAX_PUBLISHED_HTML_BYTES = 2 * 1024 * 1024;
    /**
     * Largest body HTML {@link #render} gives, leaving room for the byline under {@link #MAX_PUBLISHED_HTML_BYTES}.
     * Intake renders every draft with this class, so it refuses at submission what rendering could not publish after
     * approval (a page of footnote references grows some forty-fold).
     */
    public static final int MAX_BODY_HTML_BYTES = MAX_PUBLISHED_HTML_BYTES - 64 * 1024;

    /** The outcome of {@link #render}. */
    public sealed interface Result {}

    /** Sanitized HTML of the body. */
    public record Html(String html) implements Result {}

    /** Not rendered, and why. */
    public record Refused(String reason) implements Result {}

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final PolicyFactory policy;

    public SafeMarkdown() {
        DataSet options = new MutableDataSet()
                .set(
                        Parser.EXTENSIONS,
                        List.of(TablesExtension.create(), AutolinkExtension.create(), FootnoteExtension.create()))
                // Raw HTML in the Markdown is shown as text, never as markup.
                .set(HtmlRenderer.ESCAPE_HTML, true)
                // Flexmark's own filter is case-sensitive; this one is not. The sanitizer stays the real defence.
                .set(HtmlRenderer.SUPPRESSED_LINKS, "(?i)^[\\s\\p{Cntrl}]*(?:javascript|vbscript|data|file):.*")
                .set(HtmlRenderer.SOFT_BREAK, "\n")
                .toImmutable();
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options).build();
        this.policy = allowlist();
    }

    /**
     * The body as sanitized HTML, or why not: nested deeper than {@link #MAX_NESTING}, or rendering to more than
     * {@link #MAX_BODY_HTML_BYTES}.
     */
    public Result render(String markdown) {
        Node document = parser.parse(markdown);
        int depth = nestingDepth(document);
        if (depth > MAX_NESTING) {
            return new Refused(
                    "the Markdown is nested " + depth + " levels deep; at most " + MAX_NESTING + " are rendered");
        }
        String html = sanitize(renderer.render(document));
        int bytes = html.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > MAX_BODY_HTML_BYTES) {
            return new Refused("the Markdown renders to " + bytes + " bytes of HTML; at most " + MAX_BODY_HTML_BYTES
                    + " are published");
        }
        return new Html(html);
    }

    /** Markdown to sanitized HTML, without the nesting check (for fragments known to be shallow). */
    public String toSafeHtml(String markdown) {
        return sanitize(renderer.render(parser.parse(markdown)));
    }

    /** The allowlist alone, for HTML from any source. */
    public String sanitize(String html) {
        return policy.sanitize(html);
    }

    /** How deep the parsed tree of {@code markdown} goes. */
    public int nestingDepth(String markdown) {
        return nestingDepth(parser.parse(markdown));
    }

    /** How deep the node tree goes, walked without recursion (the tree may be deep enough to overflow the stack). */
    static int nestingDepth(Node document) {
        int deepest = 0;
        int depth = 0;
        Node node = document.getFirstChild();
        while (node != null) {
            depth++;
            deepest = Math.max(deepest, depth);
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                continue;
            }
            while (node != null && node.getNext() == null) {
                node = node.getParent();
                depth--;
                if (node == document) {
                    return deepest;
                }
            }
            if (node != null) {
                node = node.getNext();
                depth--;
            }
        }
        return deepest;
    }

    /**
     * A link keeps its (already filtered) href and always gets {@code rel="nofollow noopener"}; a link whose href
     * was removed becomes its text. (The builder's requireRelsOnLinks orders the rel tokens differently from one
     * JVM to the next, which golden files cannot live with.)
     */
    private static String linkWithNofollowNoopener(String name, List<String> attributes) {
        boolean hasHref = false;
        for (int i = attributes.size() - 2; i >= 0; i -= 2) {
            String attribute = attributes.get(i);
            if (attribute.equals("rel")) {
                attributes.remove(i + 1);
                attributes.remove(i);
            } else if (attribute.equals("href")) {
                hasHref = true;
            }
        }
        if (!hasHref) {
            return null;
        }
        attributes.add("rel");
        attributes.add("nofollow noopener");
        return name;
    }

    private static PolicyFactory allowlist() {
        return new HtmlPolicyBuilder()
                .allowElements(
                        "p",
                        "h2",
                        "h3",
                        "h4",
                        "h5",
                        "h6",
                        "ul",
                        "ol",
                        "li",
                        "em",
                        "strong",
                        "blockquote",
                        "code",
                        "pre",
                        "table",
                        "thead",
                        "tbody",
                        "tr",
                        "th",
                        "td",
                        "hr",
                        "br",
                        "sup",
                        "div")
                .allowElements(SafeMarkdown::linkWithNofollowNoopener, "a")
                // The page carries the title as its only h1; a heading of the body's top level becomes an h2.
                .allowElements((name, attributes) -> "h2", "h1")
                .allowAttributes("href")
                .matching(ALLOWED_HREF)
                .onElements("a")
                .allowAttributes("title")
                .onElements("a")
                .allowUrlProtocols("http", "https", "mailto")
                .allowAttributes("class")
                .matching(Pattern.compile("footnote-ref|footnote-backref"))
                .onElements("a")
                .allowAttributes("class")
                .matching(Pattern.compile("footnotes"))
                .onElements("div")
                .allowAttributes("class")
                .matching(Pattern.compile("language-[A-Za-z0-9_+#-]{1,32}"))
                .onElements("code")
                .allowAttributes("id")
                .matching(FOOTNOTE_ID)
                .onElements("sup", "li")
                .allowAttributes("start")
                .matching(Pattern.compile("\\d{1,6}"))
                .onElements("ol")
                .allowAttributes("align")
                .matching(Pattern.compile("left|center|right"))
                .onElements("th", "td")
                .toFactory();
    }
}
