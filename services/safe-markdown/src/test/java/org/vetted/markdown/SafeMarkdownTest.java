package org.vetted.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeMarkdownTest {
    private final SafeMarkdown markdown = new SafeMarkdown();

    @Test
    void nestingDepthCountsTheDeepestPath() {
        assertThat(markdown.nestingDepth("")).isZero();
        assertThat(markdown.nestingDepth("plain\n\nparagraphs")).isEqualTo(2);
        assertThat(markdown.nestingDepth("- a\n  - b\n    > c\n\nafter")).isEqualTo(7);
    }

    @Test
    void deeperThanTheLimitIsRefusedWithoutOverflowingTheStack() {
        SafeMarkdown.Result result = markdown.render(">".repeat(1_000) + " deep");

        assertThat(result)
                .isInstanceOfSatisfying(
                        SafeMarkdown.Refused.class,
                        refused -> assertThat(refused.reason())
                                .contains("1002 levels deep")
                                .contains("at most 32"));
    }

    @Test
    void rendersTablesFootnotesAndAutolinksWithRawHtmlShownAsText() {
        SafeMarkdown.Result result = markdown.render("""
                # Heading

                | Dose | Note |
                |------|------|
                | 200 mg | daily |

                See www.nih.gov.[^1] <script>alert(1)</script>

                [^1]: A source.
                """);

        assertThat(result)
                .isInstanceOfSatisfying(
                        SafeMarkdown.Html.class,
                        html -> assertThat(html.html())
                                .contains(
                                        "<h2>Heading</h2>",
                                        "<table>",
                                        "<td>200 mg</td>",
                                        "class=\"footnotes\"",
                                        "href=\"http://www.nih.gov\" rel=\"nofollow noopener\"",
                                        "&lt;script&gt;")
                                .doesNotContain("<script>", "<h1>"));
    }

    @Test
    void scriptLinksAreRemovedInAnyCase() {
        String html = markdown.toSafeHtml("[a](JavaScript:alert(1)) [b](data:text/html,x) [c](https://example.org/)");

        assertThat(html)
                .doesNotContainIgnoringCase("javascript")
                .doesNotContain("data:")
                .contains("href=\"https://example.org/\"");
    }
}
