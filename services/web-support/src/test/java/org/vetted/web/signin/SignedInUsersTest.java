package org.vetted.web.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/** Who a token is: its subject, mapped to a configured user; a name claim never changes that. */
class SignedInUsersTest {
    private static final List<String> ROLES = List.of("WRITER", "MEDICAL_REVIEWER", "EDITOR");
    private static final SignedInUser RITA = new SignedInUser("rita", "Rita Reyes", Set.of("MEDICAL_REVIEWER"), "MD");
    private static final SignedInUser DANA =
            new SignedInUser("dana", "Dana Diaz", Set.of("WRITER", "MEDICAL_REVIEWER"), "RD");
    private static final Function<String, Optional<SignedInUser>> CONFIGURED =
            username -> Optional.ofNullable(Map.of("rita", RITA, "dana", DANA).get(SignedInUser.canonical(username)));
    private static final Function<String, Optional<SignedInUser>> NOBODY = username -> Optional.empty();
    private static final Map<String, List<String>> SUBJECTS = Map.of("rita", List.of("rreyes"), "dana", List.of());

    private final SignedInUsers signedIn = new SignedInUsers(
            CONFIGURED, new TokenSubjects(SUBJECTS, false), JwtClaimsProperties.defaults(), ROLES, "MEDICAL_REVIEWER");
    private final SignedInUsers asThemselves = new SignedInUsers(
            NOBODY, new TokenSubjects(Map.of(), false), JwtClaimsProperties.defaults(), ROLES, "MEDICAL_REVIEWER");

    @Test
    void aSubjectListedForAUserIsThatUserWithTheConfiguredNameAndCredential() {
        Jwt jwt = jwt(Map.of(
                "sub",
                "rreyes",
                "preferred_username",
                "rreyes",
                "name",
                "R. Reyes",
                "roles",
                List.of("MEDICAL_REVIEWER", "offline_access"),
                "credential",
                "PhD"));

        assertThat(signedIn.fromClaims(jwt)).isEqualTo(RITA);
        assertThat(signedIn.convert(jwt).getName()).isEqualTo("rita");
        assertThat(signedIn.convert(jwt).getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_MEDICAL_REVIEWER");
        assertThat(signedIn.of(new UsernamePasswordAuthenticationToken("rita", null, List.of())))
                .contains(RITA);
    }

    @Test
    void aNameClaimEditedToAnotherPersonsNameDoesNotChangeWhoTheTokenIs() {
        Jwt disguised = jwt(Map.of(
                "sub",
                "rreyes",
                "preferred_username",
                "dana",
                "name",
                "Dana Diaz",
                "roles",
                List.of("MEDICAL_REVIEWER"),
                "credential",
                "RD"));

        assertThat(signedIn.fromClaims(disguised)).isEqualTo(RITA);
    }

    @Test
    void aTokenNarrowsTheConfiguredRolesButNeverWidensThem() {
        Jwt widened = jwt(Map.of("sub", "rreyes", "roles", List.of("MEDICAL_REVIEWER", "EDITOR", "WRITER")));
        Jwt none = jwt(Map.of("sub", "rreyes"));

        assertThat(signedIn.fromClaims(widened).roles()).containsExactly("MEDICAL_REVIEWER");
        assertThat(signedIn.fromClaims(none).roles()).isEmpty();
    }

    @Test
    void aSubjectListedForNobodyIsRefusedEvenWhenItSpellsAConfiguredUsername() {
        for (String subject : List.of("9c1e", "dana", "Rita")) {
            assertThatThrownBy(() -> signedIn.convert(jwt(Map.of("sub", subject, "roles", List.of("WRITER")))))
                    .as(subject)
                    .isInstanceOf(InvalidBearerTokenException.class);
        }
        SignedInUsers acceptingUnknown = new SignedInUsers(
                CONFIGURED,
                new TokenSubjects(SUBJECTS, true),
                JwtClaimsProperties.defaults(),
                ROLES,
                "MEDICAL_REVIEWER");
        assertThat(acceptingUnknown.fromClaims(jwt(Map.of("sub", "9c1e", "roles", "WRITER"))))
                .isEqualTo(new SignedInUser("9c1e", "9c1e", Set.of("WRITER"), null));
        assertThatThrownBy(() -> acceptingUnknown.convert(jwt(Map.of("sub", "Dana", "roles", List.of("WRITER")))))
                .isInstanceOf(InvalidBearerTokenException.class);
    }

    @Test
    void withoutConfiguredUsersASubjectIsItselfAndItsNameClaimIsIgnored() {
        Jwt jwt = jwt(Map.of(
                "sub",
                "Walter",
                "preferred_username",
                "rita",
                "name",
                "Rita Reyes",
                "roles",
                List.of("WRITER", "MEDICAL_REVIEWER"),
                "credential",
                "RD"));

        assertThat(asThemselves.fromClaims(jwt))
                .isEqualTo(new SignedInUser("walter", "walter", Set.of("WRITER", "MEDICAL_REVIEWER"), "RD"));
        assertThat(asThemselves.convert(jwt).getName()).isEqualTo("walter");
    }

    @Test
    void aMedicalReviewerSubjectWithoutACredentialIsNoReviewer() {
        Jwt jwt = jwt(Map.of("sub", "rex", "roles", List.of("MEDICAL_REVIEWER")));

        assertThat(asThemselves.fromClaims(jwt).roles()).isEmpty();
        assertThat(asThemselves.convert(jwt).getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .doesNotContain("ROLE_MEDICAL_REVIEWER");
    }

    @Test
    void claimNamesAreConfigurable() {
        var custom = new SignedInUsers(
                CONFIGURED,
                new TokenSubjects(SUBJECTS, false),
                new JwtClaimsProperties("oid", "vetted_roles", "qualification"),
                ROLES,
                "MEDICAL_REVIEWER");

        assertThat(custom.fromClaims(jwt(
                        Map.of("sub", "someone-else", "oid", "rreyes", "vetted_roles", List.of("medical_reviewer")))))
                .isEqualTo(RITA);
    }

    @Test
    void aTokenWithoutASubjectIsInvalid() {
        assertThatThrownBy(() -> signedIn.convert(jwt(Map.of("preferred_username", "rita", "roles", "WRITER"))))
                .isInstanceOf(InvalidBearerTokenException.class);
    }

    @Test
    void oneSubjectListedForTwoUsersIsAConfigurationError() {
        assertThatThrownBy(() -> new TokenSubjects(Map.of("rita", List.of("x1"), "dana", List.of("x1")), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x1");
    }

    private static Jwt jwt(Map<String, Object> claims) {
        return Jwt.withTokenValue("token")
                .header("alg", "HS256")
                .claims(c -> c.putAll(claims))
                .build();
    }
}
