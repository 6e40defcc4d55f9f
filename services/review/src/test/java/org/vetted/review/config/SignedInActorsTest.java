package org.vetted.review.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.vetted.review.domain.staff.Actor;
import org.vetted.review.domain.staff.Role;
import org.vetted.review.domain.staff.Staff;
import org.vetted.web.signin.JwtClaimsProperties;
import org.vetted.web.signin.TokenSubjects;

/**
 * The shared sign-in as review's Actor (its rules are tested in web-support): the configured name, credential and
 * roles, usernames without case.
 */
class SignedInActorsTest {
    private static final Actor RITA = new Actor("rita", "Rita Reyes", Set.of(Role.MEDICAL_REVIEWER), "MD");
    private static final Actor DANA = new Actor("dana", "Dana Diaz", Set.of(Role.WRITER, Role.MEDICAL_REVIEWER), "RD");
    private static final Staff CONFIGURED = new Staff(List.of(RITA, DANA));
    private static final Map<String, List<String>> SUBJECTS = Map.of("rita", List.of("rreyes"), "dana", List.of());

    private final SignedInActors signedIn =
            new SignedInActors(CONFIGURED, new TokenSubjects(SUBJECTS, false), JwtClaimsProperties.defaults());
    private final SignedInActors asThemselves = new SignedInActors(
            new Staff(List.of()), new TokenSubjects(Map.of(), false), JwtClaimsProperties.defaults());

    @Test
    void aListedSubjectAndAPasswordSignInAreTheSameConfiguredActor() {
        Jwt jwt = jwt(Map.of("sub", "rreyes", "name", "R. Reyes", "roles", List.of("MEDICAL_REVIEWER", "EDITOR")));

        assertThat(signedIn.of(new JwtAuthenticationToken(jwt))).contains(RITA);
        assertThat(signedIn.of(new UsernamePasswordAuthenticationToken("Rita", null, List.of())))
                .contains(RITA);
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
                .isEqualTo(new Actor("walter", "walter", Set.of(Role.WRITER, Role.MEDICAL_REVIEWER), "RD"));
        assertThat(asThemselves.convert(jwt).getName()).isEqualTo("walter");
    }

    private static Jwt jwt(Map<String, Object> claims) {
        return Jwt.withTokenValue("token")
                .header("alg", "HS256")
                .claims(c -> c.putAll(claims))
                .build();
    }
}
