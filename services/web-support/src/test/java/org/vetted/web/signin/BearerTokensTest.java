package org.vetted.web.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** Issuer and audience on top of the signature: required at startup, checked on every token. */
class BearerTokensTest {
    private static final String ISSUER = "https://issuer.example/vetted";

    @Test
    void withoutAnAudienceTheServiceRefusesToStartAndSaysWhatToSet() {
        assertThatThrownBy(() -> BearerTokens.issuedByAndFor(
                        token -> null, new BearerTokens.Properties(null, null, false), ISSUER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("vetted.security.jwt.audience is not")
                .hasMessageContaining("any other application");
    }

    @Test
    void withoutAnIssuerTheServiceRefusesToStart() {
        assertThatThrownBy(() -> BearerTokens.issuedByAndFor(
                        token -> null, new BearerTokens.Properties("vetted-intake", " ", false), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("vetted.security.jwt.issuer");
    }

    @Test
    void aTokenIsAcceptedOnlyWhenIssuedByTheIssuerForThisAudience() {
        var tokens = new BearerTokens.Properties("vetted-intake", null, false);

        assertThat(BearerTokens.issuedByAndFor(decoding(ISSUER, "other", "vetted-intake"), tokens, ISSUER)
                        .decode("t")
                        .getSubject())
                .isEqualTo("wren");
        assertThatThrownBy(() -> BearerTokens.issuedByAndFor(decoding(ISSUER, "billing-app"), tokens, ISSUER)
                        .decode("t"))
                .isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> BearerTokens.issuedByAndFor(
                                decoding("https://evil.example", "vetted-intake"), tokens, ISSUER)
                        .decode("t"))
                .isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> BearerTokens.issuedByAndFor(decoding(ISSUER), tokens, ISSUER)
                        .decode("t"))
                .isInstanceOf(JwtValidationException.class);
    }

    @Test
    void anExplicitIssuerSettingWinsOverTheIssuerUri() {
        var tokens = new BearerTokens.Properties("vetted-intake", "https://tokens.example", false);

        assertThat(BearerTokens.issuedByAndFor(decoding("https://tokens.example", "vetted-intake"), tokens, ISSUER)
                        .decode("t")
                        .getIssuer()
                        .toString())
                .isEqualTo("https://tokens.example");
    }

    /** A decoder that has already checked the signature and returns a token with these claims. */
    private static JwtDecoder decoding(String issuer, String... audience) {
        Jwt.Builder jwt = Jwt.withTokenValue("t")
                .header("alg", "HS256")
                .subject("wren")
                .issuer(issuer)
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60));
        if (audience.length > 0) {
            jwt.audience(List.of(audience));
        }
        Jwt built = jwt.build();
        return token -> built;
    }
}
