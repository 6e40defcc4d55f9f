package org.vetted.rendering.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.owasp.html.Encoding;

/** What every HTML fragment the renderer emits must satisfy, whatever the input. */
final class SafeHtml {
    static final Set<String> ALLOWED_TAGS = Set.of("p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "em",
            "strong", "blockquote", "code", "pre", "table", "thead", "tbody", "tr", "th", "td", "hr", "br", "sup",
            "a", "div");
    static final Set<String> ALLOWED_ATTRIBUTES = Set.of("href", "title", "rel", "class", "id", "start", "align");
    private static final Pattern TAG = Pattern.compile("<\\s*/?\\s*([^\\s/>]+)([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([^\\s=\"'/]+)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern INVISIBLE = Pattern.compile("[\\s\\p{Cntrl}\\p{Cf}]");

    static void assertSafe(String html) {
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            String name = tag.group(1).toLowerCase(Locale.ROOT);
            assertThat(ALLOWED_TAGS).as("tag <%s> in %s", name, html).contains(name);
            Matcher attribute = ATTRIBUTE.matcher(tag.group(2));
            while (attribute.find()) {
                String attributeName = attribute.group(1).toLowerCase(Locale.ROOT);
                assertThat(ALLOWED_ATTRIBUTES).as("attribute %s in %s", attributeName, html).contains(attributeName);
                String value = INVISIBLE.matcher(Encoding.decodeHtml(attribute.group(2)))
                        .replaceAll("").toLowerCase(Locale.ROOT);
                assertThat(value).as("attribute value in %s", html)
                        .doesNotContain("javascript:", "vbscript:", "data:", "<", ">");
                if (attributeName.equals("href")) {
                    assertThat(value).as("link in %s", html).matches("(https?:|mailto:|#).*");
                }
            }
        }
        assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script", "<img", "<iframe", "<svg", "<style");
    }

    private SafeHtml() {
    }
}
