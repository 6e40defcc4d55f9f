package org.vetted.intake.domain.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vetted.intake.domain.claims.Claim;

/** HTML copied from a web page: converted by Flexmark's converter, then read as Markdown. */
class HtmlDraftParserTest {
    private final HtmlDraftParser parser = new HtmlDraftParser(new MarkdownDraftParser());

    @Test
    void theFirstH1IsTheTitleAndThePageBeforeItIsDroppedAndSaid() {
        ParsedDraft draft = parser.parse("""
                <div class="cookie"><p>We use cookies.</p></div>
                <p class="crumbs">Home › Medicines</p>
                <article><h1>Zinc &amp; Colds</h1><p>Zinc may shorten a cold.</p></article>
                """);

        assertThat(draft.title()).isEqualTo("Zinc & Colds");
        assertThat(draft.bodyMarkdown()).isEqualTo("Zinc may shorten a cold.\n");
        assertThat(draft.warnings())
                .containsExactly("removed web-page text before the title: We use cookies. | Home › Medicines");
        assertThat(draft.errors()).isEmpty();
    }

    @Test
    void scriptsStylesFramesFormsAndNavigationAreNotText() {
        ParsedDraft draft = parser.parse("""
                <!DOCTYPE html><html><head><title>Page</title><style>p{}</style><script>var cure = 1;</script></head>
                <body><nav><a href="/">Home</a></nav><h1>Title</h1>
                <p>Body text.</p><iframe src="https://example.org/video"></iframe>
                <form><input name="q"><button>Search</button></form><noscript>Enable scripts</noscript>
                <svg><text>Chart</text></svg></body></html>
                """);

        assertThat(draft.title()).isEqualTo("Title");
        assertThat(draft.bodyMarkdown()).isEqualTo("Body text.\n");
    }

    @Test
    void curlyQuotesDashesListsTablesImagesCaptionsAndQuotesBecomeMarkdown() {
        ParsedDraft draft = parser.parse("""
                <h1>Title</h1>
                <p>&ldquo;It&rsquo;s modest,&rdquo; she says &mdash; <em>but</em> <a href="https://example.org">real</a>.</p>
                <figure><img src="z.jpg" alt="Zinc lozenges"><figcaption>Zinc can shorten colds.</figcaption></figure>
                <ul><li>Take <strong>75 mg</strong> a day.</li></ul>
                <table><tr><th>Form</th><th>Dose</th></tr><tr><td>Lozenge</td><td>13 mg</td></tr></table>
                <blockquote><p>Never use zinc in the nose.</p></blockquote>
                <aside><p>A callout.</p></aside>
                """);

        assertThat(draft.bodyMarkdown())
                .contains("“It’s modest,” she says — *but* [real](https://example.org).")
                .contains("![Zinc lozenges](z.jpg)\n\nZinc can shorten colds.")
                .contains("- Take **75 mg** a day.")
                .contains("| Lozenge | 13 mg |")
                .contains("> Never use zinc in the nose.")
                .contains("A callout.")
                .doesNotContain("| A callout");
    }

    @Test
    void aControlCharacterWrittenAsACharacterReferenceIsRefusedAsInEveryFormat() {
        ParsedDraft draft = parser.parse("<h1>Title</h1><p>Bad &#27; escape.</p>");

        assertThat(draft.bodyMarkdown()).isNull();
        assertThat(draft.errors())
                .containsExactly(
                        new FieldError(
                                "body",
                                "contains control character U+001B "
                                        + "(written as a character reference); only tab, line feed and carriage return are allowed"));
    }

    @Test
    void aControlCharacterInTheTitleIsRefusedToo() {
        assertThat(parser.parse("<h1>Bad &#7; title</h1><p>Body.</p>").errors())
                .extracting(FieldError::reason)
                .singleElement()
                .asString()
                .startsWith("contains control character U+0007 (written as a character");
    }

    @Test
    void markupNestedTooDeepIsRefusedWithItsLineBeforeItIsConverted() {
        ParsedDraft draft = parser.parse("<h1>Title</h1>\n<p>Fine.</p>\n" + "<div>".repeat(5000) + "x");

        assertThat(draft.bodyMarkdown()).isNull();
        assertThat(draft.errors())
                .containsExactly(
                        new FieldError("body", "HTML elements nested more than 100 deep at line 3; at most 100"));
    }

    @Test
    void markupAsDeepAsAllowedIsConverted() {
        ParsedDraft draft =
                parser.parse("<h1>Title</h1>" + "<div>".repeat(HtmlDraftParser.MAX_ELEMENT_DEPTH - 2) + "Deep text.");

        assertThat(draft.errors()).isEmpty();
        assertThat(draft.bodyMarkdown()).contains("Deep text.");
    }

    @Test
    void aPageIsNeverFrontMatterAndTheMarkdownLimitsNameTheConvertedText() {
        ParsedDraft draft = parser.parse("<hr><p>title: Injected</p><hr><h1>Real</h1><p>Body.</p>");
        assertThat(draft.title()).isEqualTo("Real");

        ParsedDraft nested = parser.parse("<h1>T</h1><p>Intro.</p>" + "<ul><li>".repeat(20) + "x");
        assertThat(nested.errors())
                .extracting(FieldError::reason)
                .singleElement()
                .asString()
                .matches("lists nested \\d+ deep at line \\d+; at most 16 "
                        + "\\(of the Markdown made from the HTML\\)");
    }

    @Test
    void withoutAnH1TheTitleIsMissing() {
        assertThat(parser.parse("<h2>Not a title</h2><p>Body.</p>").title()).isNull();
    }

    @Test
    void theWholeIntakeReadsHtmlWithTheSameLimitsAndDebrisRule() {
        Reading reading = Intakes.intake().read(new Submission(DraftFormat.HTML, """
                <h1>Does Zinc Work?</h1><p>Zinc lozenges may shorten a cold by a day.</p>
                <div class="share"><p>Share this article</p><p><a href="#">Facebook</a></p></div>
                """, Intakes.WANDA, null));

        assertThat(reading).isInstanceOfSatisfying(ReadDraft.class, draft -> {
            assertThat(draft.title()).isEqualTo("Does Zinc Work?");
            assertThat(draft.warnings())
                    .containsExactly("removed trailing web-page debris: Share this article | Facebook");
            assertThat(draft.claims())
                    .extracting(Claim::text)
                    .containsExactly("Zinc lozenges may shorten a cold by a day.");
        });
        assertThat(Intakes.intake()
                        .read(new Submission(
                                DraftFormat.HTML, "<h1>T</h1>" + "<b>".repeat(300) + "x", Intakes.WANDA, null)))
                .isEqualTo(new IntakeResult.Invalid(List.of(
                        new FieldError("body", "HTML elements nested more than 100 deep at line 1; at most 100"))));
    }
}
