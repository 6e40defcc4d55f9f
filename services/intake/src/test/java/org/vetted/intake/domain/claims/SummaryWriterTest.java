package org.vetted.intake.domain.claims;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SummaryWriterTest {
    private final SummaryWriter summaries = new SummaryWriter();

    @Test
    void writersSummaryIsUsedAsGiven() {
        assertThat(summaries.summaryOf("  What walking can do.  ", "First paragraph.", "Title"))
                .isEqualTo("What walking can do.");
    }

    @Test
    void withoutASummaryTheFirstParagraphBecomesPlainText() {
        String body = """
                ## A Heading First

                “Walking *gently* helps,” says [Jordan Hale](https://example.org), DPT.[^1] It’s **free** —
                and `easy`.

                A second paragraph.

                [^1]: A footnote.
                """;

        assertThat(summaries.summaryOf(null, body, "Title"))
                .isEqualTo("“Walking gently helps,” says Jordan Hale, DPT. It’s free — and easy.");
    }

    @Test
    void blankSummaryCountsAsNone() {
        assertThat(summaries.summaryOf(" \n", "Only paragraph.", "Title")).isEqualTo("Only paragraph.");
    }

    @Test
    void longFirstParagraphIsCutAtAWordWithinThreeHundredCharacters() {
        String sentence = "Magnesium is thought to help modulate the stress response in some people. ";
        String body = sentence.repeat(10);

        String summary = summaries.summaryOf(null, body, "Title");

        assertThat(summary.codePointCount(0, summary.length())).isLessThanOrEqualTo(300);
        assertThat(summary).endsWith("…").startsWith(sentence.strip());
        String withoutEllipsis = summary.substring(0, summary.length() - 1);
        assertThat(body).startsWith(withoutEllipsis);
        assertThat(body.charAt(withoutEllipsis.length())).isEqualTo(' ');
    }

    @Test
    void nonBreakingSpaceIsNotAPlaceToCut() {
        String body = "word ".repeat(58) + "400\u00A0mg\u00A0daily\u00A0is\u00A0the\u00A0upper\u00A0limit";

        String summary = summaries.summaryOf(null, body, "Title");

        assertThat(summary).doesNotContain("400").endsWith("word…");
    }

    @Test
    void bodyWithoutAParagraphFallsBackToTheTitle() {
        assertThat(summaries.summaryOf(null, "## Only a heading\n\n- a list", "Can Walking Help?"))
                .isEqualTo("Can Walking Help?");
    }
}
