package org.vetted.web.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** No timing: a delegate that counts its checks, and a clock moved by hand. */
class RememberingPasswordEncoderTest {
    private final PasswordEncoder real = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final AtomicInteger checks = new AtomicInteger();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T12:00:00Z"));
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence rawPassword) {
            return real.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            checks.incrementAndGet();
            return real.matches(rawPassword, encodedPassword);
        }
    };
    private final InstantSource clock = now::get;
    private final RememberingPasswordEncoder encoder =
            new RememberingPasswordEncoder(counting, Duration.ofMinutes(5), 2, clock);
    private final String ritas = real.encode("rita-pass");

    @Test
    void aRightPasswordIsCheckedOnceThenRemembered() {
        assertThat(encoder.matches("rita-pass", ritas)).isTrue();
        assertThat(encoder.matches("rita-pass", ritas)).isTrue();
        assertThat(encoder.matches("rita-pass", ritas)).isTrue();

        assertThat(checks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsNeverRememberedAndEveryGuessPaysAFullCheck() {
        assertThat(encoder.matches("rita-pasS", ritas)).isFalse();
        assertThat(encoder.matches("rita-pasS", ritas)).isFalse();
        encoder.matches("rita-pass", ritas);

        assertThat(encoder.matches("rita-pasS", ritas)).isFalse();
        assertThat(checks).hasValue(4);
    }

    @Test
    void aRememberedPasswordIsCheckedAgainAfterItsTime() {
        encoder.matches("rita-pass", ritas);
        now.set(now.get().plus(Duration.ofMinutes(5)));

        assertThat(encoder.matches("rita-pass", ritas)).isTrue();
        assertThat(checks).hasValue(2);
    }

    @Test
    void aChangedPasswordIsCheckedAgainstItsNewHash() {
        encoder.matches("rita-pass", ritas);
        String changed = real.encode("a-new-pass");

        assertThat(encoder.matches("rita-pass", changed)).isFalse();
        assertThat(encoder.matches("a-new-pass", changed)).isTrue();
        assertThat(checks).hasValue(3);
    }

    @Test
    void theOldestIsForgottenBeyondCapacity() {
        String pauls = real.encode("paul-pass");
        String wandas = real.encode("wanda-pass");
        encoder.matches("rita-pass", ritas);
        encoder.matches("paul-pass", pauls);
        encoder.matches("wanda-pass", wandas);

        encoder.matches("rita-pass", ritas);

        assertThat(checks).hasValue(4);
    }
}
