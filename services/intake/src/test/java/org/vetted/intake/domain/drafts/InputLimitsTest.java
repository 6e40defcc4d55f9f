package org.vetted.intake.domain.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InputLimitsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            NUL on line 2             | Title\\nab\\u0000c                 | U+0000 at line 2, column 3
            escape after CRLF         | Title\\r\\nx\\u001B[31m           | U+001B at line 2, column 2
            lone CR ends a line       | Title\\rx\\u0007                  | U+0007 at line 2, column 2
            DEL                       | Title\\n\\u007F                   | U+007F at line 2, column 1
            C1 next-line              | Title\\nA\\u0085                  | U+0085 at line 2, column 2
            columns count characters  | Title\\n\\uD83D\\uDE00\\u0000     | U+0000 at line 2, column 2
            """)
    void controlCharactersAreRefusedWithLineAndColumn(String name, String escaped, String where) {
        assertThat(InputLimits.noControlCharacters(unescape(escaped)))
                .contains(new FieldError(
                        "body",
                        "contains control character " + where
                                + "; only tab, line feed and carriage return are allowed"));
    }

    @Test
    void tabsLineEndingsAndOrdinaryUnicodeAreFine() {
        assertThat(InputLimits.noControlCharacters("Title\r\n\tIndented – “quoted” café 😀\rend\n"))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            quotes 17 deep             | > > > > > > > > > > > > > > > > > x | block quotes nested 17 deep at line 3; at most 16
            quotes without spaces      | >>>>>>>>>>>>>>>>>>>>x               | block quotes nested 20 deep at line 3; at most 16
            lists on one line          | - - - - - - - - - - - - - - - - - x | lists nested 17 deep at line 3; at most 16
            ordered and quoted lists   | 1. > 2) - 3. > - 4. > - 5. - > 6. - > 7. - 8. 9. 10. 11. x | lists nested 17 deep at line 3; at most 16
            indented list item         | '                                - x' | lists nested 17 deep at line 3; at most 16
            emphasis                   | *****************x                  | emphasis nested 17 deep at line 3; at most 16
            mixed emphasis run         | *_*_*_*_*_*_*_*_*_x                 | emphasis nested 18 deep at line 3; at most 16
            link brackets              | [[[[[[[[[[[[[[[[[x                  | brackets nested 17 deep at line 3; at most 16
            parentheses                | ((((((((((((((((((x                 | brackets nested 18 deep at line 3; at most 16
            """)
    void nestingDeeperThanSixteenIsRefusedNamingTheLine(String name, String line, String reason) {
        List<String> lines = List.of("First paragraph.", "", line);

        assertThat(InputLimits.nestingWithinLimits(lines, 1)).containsExactly(new FieldError("body", reason));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            quotes 16 deep          | > > > > > > > > > > > > > > > > x
            nested list             | '      - a fourth-level item'
            bold italic             | ***Really*** important and **bold** and _snake_case_name_
            thematic break of stars | ****************************************
            spaced break            | * * * * * * * * * * * * * * * * * * * *
            escaped brackets        | \\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[ x
            closed brackets         | [a](b) [a](b) [a](b) [a](b) [a](b) [a](b) [a](b) [a](b) [a](b) [a](b) [a](b) [a](b) [a](b) [a](b) [a](b) [a](b) [a](b)
            emphasis in code        | `*****************x`
            """)
    void whatRealArticlesWriteIsWithinTheLimits(String name, String line) {
        assertThat(InputLimits.nestingWithinLimits(List.of(line), 1)).isEmpty();
    }

    @Test
    void fencedCodeIsNotReadAsStructure() {
        assertThat(InputLimits.nestingWithinLimits(List.of("```", "[".repeat(100), "```"), 1))
                .isEmpty();
    }

    @Test
    void theLineNumberCountsFromWhereTheBodyStarts() {
        assertThat(InputLimits.nestingWithinLimits(List.of(">".repeat(1000)), 7))
                .containsExactly(new FieldError("body", "block quotes nested 1000 deep at line 7; at most 16"));
    }

    @Test
    void onlyTheFirstErrorOfEachKindIsReported() {
        assertThat(InputLimits.nestingWithinLimits(List.of("[".repeat(20), "[".repeat(30), ">".repeat(20)), 1))
                .containsExactly(
                        new FieldError("body", "brackets nested 20 deep at line 1; at most 16"),
                        new FieldError("body", "block quotes nested 20 deep at line 3; at most 16"));
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && s.charAt(i + 1) == 'n') {
                out.append('\n');
                i++;
            } else if (c == '\\' && s.charAt(i + 1) == 'r') {
                out.append('\r');
                i++;
            } else if (c == '\\' && s.charAt(i + 1) == 'u') {
                out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
