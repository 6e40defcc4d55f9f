package org.vetted.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class SealsTest {
    private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");
    private final Seals seals = Seals.withSecret("a test key that is long enough for HMAC-SHA256");

    @Test
    void anApprovalSealVerifiesOnlyForExactlyWhatWasApproved() {
        String seal = seals.approval("a-1", 2, "sha256:abc", "rita", AT);

        assertThat(seal).startsWith(Seals.PREFIX);
        assertThat(seals.approvalIsSealed(seal, "a-1", 2, "sha256:abc", "rita", AT)).isTrue();
        assertThat(seals.approvalIsSealed(seal, "a-2", 2, "sha256:abc", "rita", AT)).isFalse();
        assertThat(seals.approvalIsSealed(seal, "a-1", 3, "sha256:abc", "rita", AT)).isFalse();
        assertThat(seals.approvalIsSealed(seal, "a-1", 2, "sha256:abd", "rita", AT)).isFalse();
        assertThat(seals.approvalIsSealed(seal, "a-1", 2, "sha256:abc", "paul", AT)).isFalse();
        assertThat(seals.approvalIsSealed(seal, "a-1", 2, "sha256:abc", "rita", AT.plusMillis(1))).isFalse();
        assertThat(seals.approvalIsSealed(null, "a-1", 2, "sha256:abc", "rita", AT)).isFalse();
    }

    @Test
    void aSealFromAnotherKeyOrForAnotherPurposeDoesNotVerify() {
        Seals other = Seals.withSecret("another key, also long enough for HMAC-SHA256");
        String html = "<p>Zinc may shorten a cold.</p>";

        assertThat(seals.renderingIsSealed(other.rendering("a-1", 1, "sha256:abc", html), "a-1", 1, "sha256:abc", html))
                .isFalse();
        assertThat(seals.renderingIsSealed(seals.rendering("a-1", 1, "sha256:abc", html), "a-1", 1, "sha256:abc",
                html.replace("may", "will"))).isFalse();
        assertThat(seals.renderingIsSealed(seals.rendering("a-1", 1, "sha256:abc", html), "a-1", 1, "sha256:abc", html))
                .isTrue();
    }

    @Test
    void refusesAShortKey() {
        assertThatThrownBy(() -> Seals.withSecret("short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> Seals.withSecret(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
