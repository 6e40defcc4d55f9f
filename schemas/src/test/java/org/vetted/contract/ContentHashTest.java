package org.vetted.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentHashTest {
    @Test
    void isStableAcrossLineEndingsAndUnicodeNormalisation() {
        String decomposed = "Cafe\u0301 culture\r\nand sleep";
        String composed = "Caf\u00e9 culture\nand sleep";
        assertThat(ContentHash.of("T", null, decomposed)).isEqualTo(ContentHash.of("T", null, composed));
    }

    @Test
    void changesWhenAnyWordOfTheTextChanges() {
        String approved = ContentHash.of("Magnesium and sleep", "Short", "Magnesium may help sleep.");
        assertThat(ContentHash.of("Magnesium and sleep", "Short", "Magnesium will help sleep.")).isNotEqualTo(approved);
        assertThat(ContentHash.of("Magnesium and Sleep", "Short", "Magnesium may help sleep.")).isNotEqualTo(approved);
        assertThat(ContentHash.of("Magnesium and sleep", "Shorter", "Magnesium may help sleep.")).isNotEqualTo(approved);
    }

    @Test
    void textCannotMoveBetweenFieldsWithoutChangingTheHash() {
        assertThat(ContentHash.of("Title A", null, "B")).isNotEqualTo(ContentHash.of("Title", null, "A\nB"));
        assertThat(ContentHash.of("T", "", "B")).isEqualTo(ContentHash.of("T", null, "B"));
    }

    @Test
    void matchesOnlyTheExactText() {
        String hash = ContentHash.of("T", "S", "Body");
        assertThat(ContentHash.matches(hash, "T", "S", "Body")).isTrue();
        assertThat(ContentHash.matches(hash, "T", "S", "Body ")).isFalse();
        assertThat(ContentHash.matches(null, "T", "S", "Body")).isFalse();
        assertThat(hash).startsWith("sha256:").hasSize(7 + 64);
    }
}
