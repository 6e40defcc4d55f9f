package org.vetted.rendering.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;

/**
 * What every HTML fragment the renderer emits must satisfy, whatever the input. The fragment is parsed as a browser
 * would (jsoup's HTML5 parser), so attributes count whether their values are double-quoted, single-quoted or not
 * quoted at all, and entities in them are decoded before the value is checked.
 */
final class SafeHtml {
    static final Set<String> ALLOWED_TAGS = Set.of(
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
            "a",
            "div");
    static final Set<String> ALLOWED_ATTRIBUTES = Set.of("href", "title", "rel", "class", "id", "start", "align");
    private static final Pattern INVISIBLE = Pattern.compile("[\\s\\p{Cntrl}\\p{Cf}]");

    static void assertSafe(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        for (Element element : body.getAllElements()) {
            if (element == body) {
                continue;
            }
            String name = element.normalName();
            assertThat(ALLOWED_TAGS).as("tag <%s> in %s", name, html).contains(name);
            for (Attribute attribute : element.attributes()) {
                String attributeName = attribute.getKey().toLowerCase(Locale.ROOT);
                assertThat(ALLOWED_ATTRIBUTES)
                        .as("attribute %s in %s", attributeName, html)
                        .contains(attributeName);
                String value =
                        INVISIBLE.matcher(attribute.getValue()).replaceAll("").toLowerCase(Locale.ROOT);
                assertThat(value)
                        .as("attribute value in %s", html)
                        .doesNotContain("javascript:", "vbscript:", "data:", "<", ">");
                if (attributeName.equals("href")) {
                    assertThat(value).as("link in %s", html).matches("(https?:|mailto:|#).*");
                }
            }
        }
        assertThat(body.select("*").stream()
                        .flatMap(element -> element.childNodes().stream())
                        .filter(node -> node instanceof Comment || node instanceof DataNode))
                .as("comments or script/style data in %s", html)
                .isEmpty();
        assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script", "<img", "<iframe", "<svg", "<style");
    }

    private SafeHtml() {}
}
