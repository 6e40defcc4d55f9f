package org.vetted.review.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class VerifiedRowsTest {

    private final List<String> checked = new ArrayList<>();
    private final Function<byte[], String> verify = bytes -> {
        String text = new String(bytes, StandardCharsets.UTF_8);
        checked.add(text);
        if (text.startsWith("forged")) {
            throw new IllegalStateException("signature does not hold");
        }
        return "read " + text;
    };

    @Test
    void theSameBytesReadAgainAreNotCheckedAgain() {
        VerifiedRows<String> rows = new VerifiedRows<>(1024);

        assertThat(rows.read(bytes("a row of 17 bytes"), verify)).isEqualTo("read a row of 17 bytes");
        assertThat(rows.read(bytes("a row of 17 bytes"), verify)).isEqualTo("read a row of 17 bytes");

        assertThat(checked).containsExactly("a row of 17 bytes");
    }

    @Test
    void aRowDifferingInOneByteIsCheckedInFull() {
        VerifiedRows<String> rows = new VerifiedRows<>(1024);
        rows.read(bytes("decision APPROVED, signed"), verify);

        assertThat(rows.read(bytes("decision APPROVEE, signed"), verify)).isEqualTo("read decision APPROVEE, signed");
        assertThatThrownBy(() -> rows.read(bytes("forged APPROVED, signed"), verify))
                .hasMessage("signature does not hold");

        assertThat(checked)
                .containsExactly("decision APPROVED, signed", "decision APPROVEE, signed", "forged APPROVED, signed");
    }

    @Test
    void aFailureIsNotRememberedAndTheCallersArrayIsNotKept() {
        VerifiedRows<String> rows = new VerifiedRows<>(1024);
        assertThatThrownBy(() -> rows.read(bytes("forged row"), verify)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> rows.read(bytes("forged row"), verify)).isInstanceOf(IllegalStateException.class);

        byte[] row = bytes("good row");
        rows.read(row, verify);
        row[0] = 'f'; // the caller changes its array: what was verified stays the verified bytes
        assertThat(rows.read(row, verify)).isEqualTo("read food row");

        assertThat(checked).containsExactly("forged row", "forged row", "good row", "food row");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
