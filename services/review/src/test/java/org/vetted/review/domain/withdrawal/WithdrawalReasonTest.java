package org.vetted.review.domain.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WithdrawalReasonTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "\u200b",
                "\u2060\ufeff",
                "\u00ad\u00ad",
                "\u202e\u202c\u2066\u2069\u200e\u200f",
                " \u200b \u3164 \ufe0f\u034f ",
                "\u3000\t\n"
            })
    void aReasonOfInvisibleCharactersAndSpacesAloneIsBlank(String raw) {
        assertThat(WithdrawalReason.check(raw)).isInstanceOf(WithdrawalReason.Invalid.class);
        assertThat(WithdrawalReason.problem(raw))
                .hasValueSatisfying(p -> assertThat(p).startsWith("required"));
    }

    @Test
    void nullIsBlank() {
        assertThat(WithdrawalReason.check(null)).isInstanceOf(WithdrawalReason.Invalid.class);
    }

    @Test
    void theNormalFormDropsInvisiblesFoldsCompatibilityFormsAndStrips() {
        assertThat(WithdrawalReason.check("  Ｗrong\u200b do\u00adse\u2060 "))
                .isEqualTo(new WithdrawalReason.Valid("Wrong dose"));
    }

    @Test
    void theLengthIsCountedInTheNormalForm() {
        String atMost = "x".repeat(WithdrawalReason.MAX_LENGTH);
        assertThat(WithdrawalReason.check(atMost + "\u200b".repeat(50))).isEqualTo(new WithdrawalReason.Valid(atMost));
        assertThat(WithdrawalReason.problem(atMost + "y")).hasValue("at most 2000 characters, not 2001");
    }
}
