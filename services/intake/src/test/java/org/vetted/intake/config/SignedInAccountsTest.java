package org.vetted.intake.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.vetted.intake.domain.Account;
import org.vetted.intake.domain.Accounts;
import org.vetted.intake.domain.Role;

class SignedInAccountsTest {
    private final SignedInAccounts signedIn =
            new SignedInAccounts(new Accounts(List.of()), JwtClaimsProperties.defaults());

    @Test
    void claimsBecomeTheAccountAndAuthoritiesBasicWouldGive() {
        Jwt jwt = jwt(Map.of("sub", "9c1e", "preferred_username", "dana", "name", "Dana Diaz",
                "roles", List.of("WRITER", "MEDICAL_REVIEWER", "offline_access"), "credential", "RD"));

        assertThat(signedIn.fromClaims(jwt))
                .isEqualTo(new Account("dana", "Dana Diaz", Set.of(Role.WRITER, Role.MEDICAL_REVIEWER), "RD"));
        assertThat(signedIn.convert(jwt).getName()).isEqualTo("dana");
        assertThat(signedIn.convert(jwt).getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .contains("ROLE_WRITER", "ROLE_MEDICAL_REVIEWER").doesNotContain("ROLE_EDITOR");
    }

    @Test
    void usernameFallsBackToSubjectAndDisplayNameToUsername() {
        assertThat(signedIn.fromClaims(jwt(Map.of("sub", "walter", "roles", "WRITER"))))
                .isEqualTo(new Account("walter", "walter", Set.of(Role.WRITER), null));
    }

    @Test
    void aMedicalReviewerWithoutACredentialIsNoReviewer() {
        Jwt jwt = jwt(Map.of("sub", "x", "preferred_username", "rex", "roles", List.of("MEDICAL_REVIEWER")));

        assertThat(signedIn.fromClaims(jwt).roles()).isEmpty();
        assertThat(signedIn.convert(jwt).getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .doesNotContain("ROLE_MEDICAL_REVIEWER");
    }

    @Test
    void claimNamesAreConfigurable() {
        var custom = new SignedInAccounts(new Accounts(List.of()),
                new JwtClaimsProperties("email", "display", "vetted_roles", "qualification"));

        assertThat(custom.fromClaims(jwt(Map.of("sub", "1", "email", "eddie@example.org", "display", "Eddie Editor",
                "vetted_roles", List.of("editor"), "qualification", "MPH"))))
                .isEqualTo(new Account("eddie@example.org", "Eddie Editor", Set.of(Role.EDITOR), "MPH"));
    }

    @Test
    void aTokenNamingNoUserIsInvalid() {
        assertThatThrownBy(() -> signedIn.convert(jwt(Map.of("roles", List.of("WRITER")))))
                .isInstanceOf(InvalidBearerTokenException.class);
    }

    private static Jwt jwt(Map<String, Object> claims) {
        return Jwt.withTokenValue("token").header("alg", "HS256").claims(c -> c.putAll(claims)).build();
    }
}
