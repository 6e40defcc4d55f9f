package org.vetted.intake.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vetted.web.signin.UsersProperties;

class AccountsConfigurationTest {
    private final IntakeConfiguration configuration = new IntakeConfiguration();

    @Test
    void withoutUsersTheServiceRefusesToStartWithAClearMessage() {
        assertThatThrownBy(() -> configuration.accounts(new UsersProperties(List.of()), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No users configured")
                .hasMessageContaining("'local' profile");
    }

    @Test
    void aMedicalReviewerWithoutACredentialIsAStartupError() {
        var reviewer = new UsersProperties.User("rita", "{noop}x", "Rita", Set.of("MEDICAL_REVIEWER"), null, List.of());

        assertThatThrownBy(() -> configuration.accounts(new UsersProperties(List.of(reviewer)), true))
                .hasMessageContaining("MEDICAL_REVIEWER 'rita' has no credential");
    }
}
