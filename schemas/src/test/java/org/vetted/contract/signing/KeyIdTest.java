package org.vetted.contract.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.OctetKeyPair;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Key ids: the default one is unique per key, and a trusted set never has one kid for two keys. */
class KeyIdTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 14);

    @Test
    void twoKeysMadeOnOneDayForOneServiceGetDifferentKids() {
        SigningKey first = SigningKey.generate(Issuer.REVIEW, DAY);
        SigningKey second = SigningKey.generate(Issuer.REVIEW, DAY);

        assertThat(first.keyId()).matches("review-2026-03-14-[0-9a-f]{8}");
        assertThat(second.keyId()).matches("review-2026-03-14-[0-9a-f]{8}");
        assertThat(first.keyId()).isNotEqualTo(second.keyId());
        // Both can be trusted at once, as during a rotation's grace period.
        TrustedKeys both = TrustedKeys.builder()
                .trust(Issuer.REVIEW, first.publicJwk())
                .trust(Issuer.REVIEW, second.publicJwk())
                .build();
        assertThat(both.jwkSet(Issuer.REVIEW).getKeys()).hasSize(2);
    }

    @Test
    void theDefaultKidIsStableForTheSameKey() {
        SigningKey key = SigningKey.generate(Issuer.INTAKE, DAY);
        SigningKey reread = SigningKey.parse(Issuer.INTAKE, key.privateJwk());
        OctetKeyPair renamed = new OctetKeyPair.Builder(key.publicJwk())
                .keyID("something-else")
                .build();

        assertThat(SigningKey.defaultKeyId(Issuer.INTAKE, DAY, key.publicJwk())).isEqualTo(key.keyId());
        assertThat(SigningKey.defaultKeyId(Issuer.INTAKE, DAY, reread.publicJwk()))
                .isEqualTo(key.keyId());
        // From the public key alone: not its private part, not the kid it carries.
        assertThat(SigningKey.defaultKeyId(Issuer.INTAKE, DAY, renamed)).isEqualTo(key.keyId());
    }

    @Test
    void theSuffixIsTheRfc7638Thumbprint() throws Exception {
        // RFC 8037 A.2/A.3: this public key's thumbprint is kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k (90facafe…).
        OctetKeyPair rfc = OctetKeyPair.parse(
                "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}");

        assertThat(SigningKey.defaultKeyId(Issuer.INTAKE, DAY, rfc)).isEqualTo("intake-2026-03-14-90facafe");
    }

    @Test
    void aTrustedSetWithTwoKeysUnderOneKidIsRefusedNamingIt() {
        SigningKey first = SigningKey.generate(Issuer.REVIEW, "review-2026-03-14");
        SigningKey second = SigningKey.generate(Issuer.REVIEW, "review-2026-03-14");
        String set = "{\"keys\":[" + first.publicJwk().toJSONString() + ","
                + second.publicJwk().toJSONString() + "]}";

        assertThatThrownBy(() -> TrustedKeys.builder().trust(Issuer.REVIEW, set))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kid review-2026-03-14")
                .hasMessageContaining("two different trusted keys of review");
        assertThatThrownBy(() -> TrustedKeys.builder()
                        .trust(Issuer.REVIEW, first.publicJwk())
                        .trust(Issuer.REVIEW, second.publicJwk()))
                .hasMessageContaining("kid review-2026-03-14");
    }

    @Test
    void oneKidUnderTwoServicesIsRefused() {
        SigningKey intake = SigningKey.generate(Issuer.INTAKE, "same-kid");
        SigningKey review = SigningKey.generate(Issuer.REVIEW, "same-kid");

        assertThatThrownBy(() -> TrustedKeys.builder()
                        .trust(Issuer.INTAKE, intake.publicJwk())
                        .trust(Issuer.REVIEW, review.publicJwk()))
                .hasMessageContaining("kid same-kid")
                .hasMessageContaining("intake")
                .hasMessageContaining("review");
        assertThatThrownBy(() -> TrustedKeys.builder()
                        .trust(Issuer.INTAKE, intake.publicJwk())
                        .trust(Issuer.REVIEW, intake.publicJwk()))
                .hasMessageContaining("kid same-kid");
    }

    @Test
    void theSameKeyListedTwiceIsTrustedOnce() {
        SigningKey key = SigningKey.generate(Issuer.RENDERING, DAY);
        String withPrivatePart = key.privateJwk();

        TrustedKeys trusted = TrustedKeys.builder()
                .trust(Issuer.RENDERING, key.publicJwk())
                .trust(Issuer.RENDERING, withPrivatePart)
                .build();
        assertThat(trusted.jwkSet(Issuer.RENDERING).getKeys())
                .hasSize(1)
                .allSatisfy(k -> assertThat(k.isPrivate()).isFalse());
    }
}
