package org.vetted.intake.domain.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One rule for trailing web-page debris, the same answer whichever format the article came in. */
class WebPageDebrisTest {
    private static final String WARNING = "removed trailing web-page debris: Leave a Reply | Share this article";

    @Test
    void theSameDebrisIsRemovedAndReportedTheSameWayInEveryFormat() {
        ParsedDraft text =
                new PlainTextDraftParser().parse("Title\nZinc may help.\nLeave a Reply\nShare this article\n");
        ParsedDraft markdown = new MarkdownDraftParser()
                .parse("# Title\n\nZinc may help.\n\n## Leave a Reply\n\nShare this article\n");
        ParsedDraft html = new HtmlDraftParser(new MarkdownDraftParser())
                .parse("<h1>Title</h1><p>Zinc may help.</p><h3>Leave a Reply</h3><div>Share this article</div>");

        for (ParsedDraft draft : new ParsedDraft[] {text, markdown, html}) {
            assertThat(draft.bodyMarkdown()).isEqualTo("Zinc may help.\n");
            assertThat(draft.warnings()).containsExactly(WARNING);
        }
    }

    @Test
    void afterRelatedPostsOrCommentsTheTitlesLinksAndShortCommentsGoToo() {
        WebPageDebris.Trimmed trimmed = WebPageDebris.removeTrailing("""
                Zinc may shorten a cold.

                ### Related posts

                - [Vitamin C cures nothing](https://example.org/c)
                - [Is kombucha good for you?](https://example.org/k)

                2 Comments

                **Jan**: Great article, thank you!
                """);

        assertThat(trimmed.bodyMarkdown()).isEqualTo("Zinc may shorten a cold.\n");
        assertThat(trimmed.removed())
                .containsExactly(
                        "Related posts",
                        "Vitamin C cures nothing",
                        "Is kombucha good for you?",
                        "2 Comments",
                        "**Jan**: Great article, thank you!");
    }

    @Test
    void theArticlesOwnSourcesTablesAndClosingLinesStay() {
        String body = """
                Zinc may shorten a cold.

                1. [Hemilä 2017, zinc acetate lozenges](https://example.org/trial)

                | Form | Dose |
                |---|---|
                | Lozenge | 13 mg |

                Stay well.
                """;

        assertThat(WebPageDebris.removeTrailing(body).removed()).isEmpty();
        assertThat(WebPageDebris.removeTrailing(body + "\nPrint\n").removed()).containsExactly("Print");
        assertThat(WebPageDebris.removeTrailing("Comment\n\nA real closing paragraph.\n")
                        .removed())
                .isEmpty();
    }

    @Test
    void cookieNoticesNewslettersTagsAndPostNavigationAreDebris() {
        assertThat(WebPageDebris.removeTrailing("""
                Body.

                Tags: zinc, colds
                « Previous post
                Sign up for our newsletter
                Get weekly tips straight to your inbox.
                We use cookies to improve your experience.
                © 2026 Example Health
                """).removed())
                .containsExactly(
                        "Tags: zinc, colds",
                        "« Previous post",
                        "Sign up for our newsletter",
                        "Get weekly tips straight to your inbox.",
                        "We use cookies to improve your experience.",
                        "© 2026 Example Health");
    }

    @Test
    void thousandsOfDebrisLinesAreReadOnce() {
        WebPageDebris.Trimmed trimmed = WebPageDebris.removeTrailing("Body.\n" + "Reply\n".repeat(100_000));

        assertThat(trimmed.bodyMarkdown()).isEqualTo("Body.\n");
        assertThat(trimmed.removed()).hasSize(100_000);
    }
}
