package org.vetted.rendering.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The XSS harness itself: it must catch unsafe markup however the attributes are written. */
class SafeHtmlTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<a href=javascript:alert(1)>x</a>",
                "<a href='javascript:alert(1)'>x</a>",
                "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
                "<a href='&#106;avascript:alert(1)'>x</a>",
                "<p onclick=alert(1)>x</p>",
                "<p onmouseover='alert(1)'>x</p>",
                "<p title=x style=color:red>x</p>",
                "<a href=/relative>x</a>",
                "<details open ontoggle=alert(1)>",
                "<p>a<!-- comment --></p>",
                "<P ONCLICK=alert(1)>x</P>"
            })
    void unsafeMarkupIsCaughtHoweverItsAttributesAreQuoted(String html) {
        assertThatThrownBy(() -> SafeHtml.assertSafe(html)).isInstanceOf(AssertionError.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<p>Walking &amp; “you” — a note</p>",
                "<a href=\"https://www.nih.gov/\" rel=\"nofollow noopener\">NIH</a>",
                "<a href='#fn-1' class=footnote-ref>1</a>",
                "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"
            })
    void safeMarkupPasses(String html) {
        assertThatCode(() -> SafeHtml.assertSafe(html)).doesNotThrowAnyException();
    }
}
