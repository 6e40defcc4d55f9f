package org.vetted.intake;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * A stand-in for the issuer, without a network: tokens signed with a test key (HS256), and the {@link JwtDecoder}
 * that verifies them (signature, expiry), so a test sends a real {@code Authorization: Bearer} header.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestTokens {
    private static final SecretKey KEY = new SecretKeySpec(
            "a test signing key of at least 256 bits, never used outside tests".getBytes(StandardCharsets.UTF_8),
            "HmacSHA256");

    @Bean
    JwtDecoder jwtDecoder() {
        return NimbusJwtDecoder.withSecretKey(KEY)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
    }

    /** The issuer and audience application-test.yml expects ({@code vetted.security.jwt.*}). */
    public static final String ISSUER = "https://issuer.test/vetted";

    public static final String AUDIENCE = "vetted-intake";

    /**
     * A signed token valid for five minutes with {@code sub}, the test issuer and audience, and the given claims
     * (which may replace {@code iss} and {@code aud}).
     */
    public static String token(String subject, Map<String, Object> claims) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder set = JwtClaimsSet.builder()
                .subject(subject)
                .issuer(ISSUER)
                .audience(List.of(AUDIENCE))
                .issuedAt(now)
                .expiresAt(now.plusSeconds(300));
        claims.forEach(set::claim);
        return NimbusJwtEncoder.withSecretKey(KEY)
                .build()
                .encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), set.build()))
                .getTokenValue();
    }

    public static String bearer(String subject, Map<String, Object> claims) {
        return "Bearer " + token(subject, claims);
    }
}
