package org.vetted.intake.domain.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Control characters and deep nesting, through the whole intake, in both formats. */
class HostileDraftsTest {
    private final DraftIntake intake = Intakes.intake();

    @Test
    void aNulIsRefusedInPlainTextWithItsPosition() {
        assertThat(read(DraftFormat.PLAIN_TEXT, "Title\nFine line.\nBad\u0000 line.\n"))
                .isEqualTo(
                        invalid(
                                "contains control character U+0000 at line 3, column 4; only tab, line feed and carriage return are allowed"));
    }

    @Test
    void aNulIsRefusedInMarkdownFrontMatterToo() {
        assertThat(read(DraftFormat.MARKDOWN, "---\ntitle: T\u0000\n---\nBody.\n"))
                .isEqualTo(
                        invalid(
                                "contains control character U+0000 at line 2, column 9; only tab, line feed and carriage return are allowed"));
    }

    @Test
    void deepQuotesInMarkdownAreRefusedAtTheirLineInTheSubmittedText() {
        assertThat(read(DraftFormat.MARKDOWN, "---\ntitle: T\n---\nBody.\n\n" + ">".repeat(1000) + " x\n"))
                .isEqualTo(invalid("block quotes nested 1000 deep at line 6; at most 16"));
        assertThat(read(DraftFormat.MARKDOWN, "# Title\n\n" + "> ".repeat(40) + "x\n"))
                .isEqualTo(invalid("block quotes nested 40 deep at line 3; at most 16"));
    }

    @Test
    void deepBracketsAreRefusedInPlainTextBecauseEscapingTheLineStartLeavesThemInline() {
        assertThat(read(DraftFormat.PLAIN_TEXT, "Title\n" + "[".repeat(500) + "x\n"))
                .isEqualTo(invalid("brackets nested 500 deep at line 2; at most 16"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            quote markers without spaces | >>>>>>>>>>>>>>>>>>>>>>>>>>>>>> x. | \\>>>>>>>>>>>>>>>>>>>>>>>>>>>>>> x.
            spaced quote markers         | > > > > > > > > > > > > > > > > > > > x. | \\> > > > > > > > > > > > > > > > > > > x.
            list markers                 | - - - - - - - - - - - - - - - - - - x. | \\- - - - - - - - - - - - - - - - - - x.
            an ordered-list marker       | 1. 2. 3. 4. 5. 6. 7. 8. 9. 10. 11. 12. 13. 14. 15. 16. 17. x. | 1\\. 2. 3. 4. 5. 6. 7. 8. 9. 10. 11. 12. 13. 14. 15. 16. 17. x.
            a hash tag                   | #vitamins are trendy, they say. | \\#vitamins are trendy, they say.
            """)
    void pastedLinesThatWouldBeStructureAreEscapedAndSoAccepted(String name, String line, String markdown) {
        ParsedDraft parsed = new PlainTextDraftParser().parse("Title\n" + line + "\n");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.bodyMarkdown()).isEqualTo(markdown + "\n");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            >        | \\>
            -        | \\-
            +        | \\+
            1.       | 1\\.
            12)      | 12\\)
            ***      | \\***
            ___      | \\___
            ---      | \\---
            ===      | \\===
            ```      | \\```
            <div>    | \\<div>
            -x       | -x
            1.5 mg   | 1.5 mg
            """)
    void aLoneMarkerOrARuleIsEscapedToo(String line, String markdown) {
        assertThat(PlainTextDraftParser.asProse(line)).isEqualTo(markdown);
    }

    private Reading read(DraftFormat format, String text) {
        return intake.read(new Submission(format, text, Intakes.WANDA, null));
    }

    private static IntakeResult.Invalid invalid(String reason) {
        return new IntakeResult.Invalid(List.of(new FieldError("body", reason)));
    }
}
