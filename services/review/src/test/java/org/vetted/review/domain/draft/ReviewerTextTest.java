package org.vetted.review.domain.draft;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReviewerTextTest {
    @ParameterizedTest(name = "{index}")
    @ValueSource(
            strings = {"\u200B", "\u200B\u200C\u200D", "\u2060\uFEFF", "\u00AD", "\u202E\u202C", " \u2066 \u2069 "})
    void invisibleCharactersAreNoText(String invisible) {
        assertThat(ReviewerText.hasText(invisible)).isFalse();
        assertThat(ReviewerText.normal(invisible)).isEmpty();
        assertThat(ReviewerText.visibleLength(invisible)).isZero();
    }

    @Test
    void theVisibleWordsStayAndInvisiblesBetweenThemGo() {
        assertThat(ReviewerText.normal("  No\u200B source\u00AD given.\r\n")).isEqualTo("No source given.");
        assertThat(ReviewerText.visibleLength("ab\u200Bc")).isEqualTo(3);
        assertThat(ReviewerText.hasText("x")).isTrue();
        assertThat(ReviewerText.normal(null)).isNull();
    }

    @Test
    void decomposedLettersAreComposed() {
        assertThat(ReviewerText.normal("caf\u0065\u0301")).isEqualTo("caf\u00E9");
    }
}
