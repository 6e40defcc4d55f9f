package org.vetted.intake.domain.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextDraftParserTest {
    private final PlainTextDraftParser parser = new PlainTextDraftParser();

    @Test
    void shortUnpunctuatedLinesBecomeHeadingsAndOtherLinesParagraphs() {
        ParsedDraft draft = parser.parse(
                "Is Tea Good for You?\r\nA cup a day is common.\r\nIt May Help Focus\r\nGreen tea has caffeine.\r\n");

        assertThat(draft.title()).isEqualTo("Is Tea Good for You?");
        assertThat(draft.bodyMarkdown())
                .isEqualTo("A cup a day is common.\n\n## It May Help Focus\n\nGreen tea has caffeine.\n");
    }

    @Test
    void aShortLineEndingInPunctuationOrAQuotedSentenceIsNotAHeading() {
        assertThat(PlainTextDraftParser.isHeading("Why Sleep Matters")).isTrue();
        assertThat(PlainTextDraftParser.isHeading("What about dosage?")).isFalse();
        assertThat(PlainTextDraftParser.isHeading("“It works,” she said.”")).isFalse();
        assertThat(PlainTextDraftParser.isHeading("“It really works.”")).isFalse();
        assertThat(PlainTextDraftParser.isHeading(
                        "one two three four five six seven eight nine ten eleven twelve thirteen"))
                .isFalse();
    }

    @Test
    void trailingCommentFormDebrisIsRemovedAfterManyBlankLinesAndReported() {
        ParsedDraft draft =
                parser.parse("Title\nBody line.\n\n\n\n\n\n\n\nLeave a Reply\nCancel reply\nName *\nPost Comment");

        assertThat(draft.bodyMarkdown()).isEqualTo("Body line.\n");
        assertThat(draft.warnings())
                .containsExactly(
                        "removed trailing web-page debris: Leave a Reply | Cancel reply | Name * | Post Comment");
    }

    @Test
    void debrisWordsInsideTheArticleStay() {
        ParsedDraft draft = parser.parse("Title\nComment\nA real closing paragraph.\n");

        assertThat(draft.bodyMarkdown()).contains("## Comment").endsWith("A real closing paragraph.\n");
        assertThat(draft.warnings()).isEmpty();
    }

    @Test
    void curlyQuotesAndDashesStayWhileNonBreakingSpacesBecomeSpaces() {
        ParsedDraft draft = parser.parse("Title\n“Rest\u00A0matters — a lot,” she says.\n");

        assertThat(draft.bodyMarkdown()).isEqualTo("“Rest matters — a lot,” she says.\n");
    }

    @Test
    void proseThatLooksLikeMarkdownIsEscaped() {
        assertThat(parser.parse("Title\n# not a heading, just a hash.\n").bodyMarkdown())
                .isEqualTo("\\# not a heading, just a hash.\n");
    }
}
