package org.vetted.review.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** Issuer and audience on top of the signature: required at startup, checked on every token. */
class BearerTokenChecksTest {
    private static final String ISSUER = "https://issuer.example/vetted";

    @Test
    void withoutAnAudienceTheServiceRefusesToStartAndSaysWhatToSet() {
        assertThatThrownBy(() -> SecurityConfiguration.issuedByAndFor(token -> null,
                new SecurityConfiguration.BearerTokenProperties(null, null), ISSUER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("vetted.security.jwt.audience is not")
                .hasMessageContaining("any other application");
    }

    @Test
    void withoutAnIssuerTheServiceRefusesToStart() {
        assertThatThrownBy(() -> SecurityConfiguration.issuedByAndFor(token -> null,
                new SecurityConfiguration.BearerTokenProperties("vetted-review", " "), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("vetted.security.jwt.issuer");
    }

    @Test
    void aTokenIsAcceptedOnlyWhenIssuedByTheIssuerForThisAudience() {
        var tokens = new SecurityConfiguration.BearerTokenProperties("vetted-review", null);

        assertThat(SecurityConfiguration.issuedByAndFor(decoding(ISSUER, "other", "vetted-review"), tokens, ISSUER)
                .decode("t").getSubject()).isEqualTo("wren");
        assertThatThrownBy(() -> SecurityConfiguration.issuedByAndFor(decoding(ISSUER, "billing-app"), tokens, ISSUER)
                .decode("t")).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> SecurityConfiguration.issuedByAndFor(decoding("https://evil.example", "vetted-review"),
                tokens, ISSUER).decode("t")).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> SecurityConfiguration.issuedByAndFor(decoding(ISSUER), tokens, ISSUER).decode("t"))
                .isInstanceOf(JwtValidationException.class);
    }

    @Test
    void anExplicitIssuerSettingWinsOverTheIssuerUri() {
        var tokens = new SecurityConfiguration.BearerTokenProperties("vetted-review", "https://tokens.example");

        assertThat(SecurityConfiguration.issuedByAndFor(decoding("https://tokens.example", "vetted-review"), tokens,
                ISSUER).decode("t").getIssuer().toString()).isEqualTo("https://tokens.example");
    }

    /** A decoder that has already checked the signature and returns a token with these claims. */
    private static JwtDecoder decoding(String issuer, String... audience) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "HS256").subject("wren").issuer(issuer)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        if (audience.length > 0) {
            jwt.audience(List.of(audience));
        }
        Jwt built = jwt.build();
        return token -> built;
    }
}
