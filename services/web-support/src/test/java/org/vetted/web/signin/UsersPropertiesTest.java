package org.vetted.web.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The shared users' settings: roles are each service's enum, usernames have one form. */
class UsersPropertiesTest {
    enum Role {
        WRITER,
        MEDICAL_REVIEWER,
        EDITOR
    }

    @Test
    void rolesAreReadAsSpringBootReadsAnEnum() {
        UsersProperties properties = bind(Map.of(
                "vetted.security.users[0].username",
                "Rita",
                "vetted.security.users[0].password",
                "{noop}x",
                "vetted.security.users[0].roles",
                "medical-reviewer,EDITOR"));

        assertThat(properties.users().get(0).roles(Role.class)).containsExactly(Role.MEDICAL_REVIEWER, Role.EDITOR);
    }

    @Test
    void aRoleTheServiceDoesNotKnowIsAConfigurationError() {
        var user = new UsersProperties.User("rita", "{noop}x", "Rita", Set.of("ADMIN"), null, null);

        assertThatThrownBy(() -> user.roles(Role.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'ADMIN'");
    }

    @Test
    void passwordSignInKnowsAUserByTheCanonicalUsername() {
        var properties = new UsersProperties(
                List.of(new UsersProperties.User(" Rita ", "{noop}x", "Rita", Set.of("MEDICAL_REVIEWER"), "MD", null)));

        UserDetails rita = SignInChains.passwords(properties, Role.class).loadUserByUsername("rita");
        assertThat(rita.getUsername()).isEqualTo("rita");
        assertThat(rita.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_MEDICAL_REVIEWER");
    }

    @Test
    void aUsernameHasOneForm() {
        assertThat(SignedInUser.canonical(" Rita ")).isEqualTo("rita");
        assertThat(new SignedInUser("RITA", "Rita Reyes", Set.of(), null).username())
                .isEqualTo("rita");
        assertThat(SignedInUser.of("rita", "Rita", Set.of(Role.EDITOR), null).roles(Role.class))
                .containsExactly(Role.EDITOR);
    }

    private static UsersProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bind("vetted.security", Bindable.of(UsersProperties.class))
                .get();
    }
}
