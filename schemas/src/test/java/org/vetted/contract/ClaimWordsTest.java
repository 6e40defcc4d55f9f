package org.vetted.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ClaimWords#canonical}'s one-pass path gives what its regexes give, for every UTF-16 unit in any place. */
class ClaimWordsTest {
    @Test
    void theFastPathAgreesWithTheRegexesOnEveryCharacterAtTheStartInsideAndAtTheEnd() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String ch = String.valueOf((char) c);
            for (String text : new String[] {
                ch, "a" + ch + "b", ch + "x y", "x y" + ch, "ΟΔΟΣ" + ch + " ΟΔΟΣ", "x " + ch + " y", "İ" + ch + "I"
            }) {
                assertThat(ClaimWords.canonical(text))
                        .as("U+%04X in %s", c, text)
                        .isEqualTo(ClaimWords.byRegexes(text));
            }
        }
    }

    @Test
    void theFastPathAgreesWithTheRegexesOnMixedText() {
        String[] pieces = {
            "Magnesium",
            " ",
            "  ",
            "\t",
            "\n",
            "\r\n",
            "\u200B",
            "\u2060",
            "\u00AD",
            "\u00A0",
            "\u3000",
            "\u2019",
            "\u201C",
            "\u2014",
            "\u2013",
            "а",
            "Ｍ",
            "Σ",
            "ς",
            "İ",
            "\uD83D\uDE00",
            "\uDB40\uDC01",
            "e\u0301",
            ".",
            "'",
            "\"",
            "MAY",
            "cures"
        };
        Random random = new Random(19);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(8); n >= 0; n--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String s = text.toString();
            assertThat(ClaimWords.canonical(s)).as(s).isEqualTo(ClaimWords.byRegexes(s));
        }
    }

    @Test
    void plainAndTrickyTextReadAsBefore() {
        assertThat(ClaimWords.canonical("Magnesium Eases Cramps.")).isEqualTo("magnesium eases cramps.");
        assertThat(ClaimWords.canonical(" Mag\u200Bnesium \u201Ceases\u201D\r\n cramps "))
                .isEqualTo("magnesium \"eases\" cramps");
        assertThat(ClaimWords.canonical(null)).isEmpty();
    }
}
