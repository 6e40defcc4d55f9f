package org.vetted.distribution.domain.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The signature against the Standard Webhooks test vectors (the reference libraries' sign test and its mutations). */
class WebhookSignatureTest {
    // From standard-webhooks/standard-webhooks, libraries/*/ tests ("sign function works").
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long TIMESTAMP = 1614265330L;
    static final String PAYLOAD = "{\"test\": 2432232314}";
    static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void signsAsTheSpecsVector() {
        assertThat(WebhookSignature.sign(SigningSecret.parse(SECRET), ID, TIMESTAMP, PAYLOAD))
                .isEqualTo(EXPECTED);
    }

    @Test
    void theSecretReadsWithOrWithoutItsPrefix() {
        assertThat(WebhookSignature.sign(SigningSecret.parse(SECRET.substring(6)), ID, TIMESTAMP, PAYLOAD))
                .isEqualTo(EXPECTED);
    }

    @Test
    void aReceiverVerifiesTheVectorAndNothingChanged() {
        SigningSecret secret = SigningSecret.parse(SECRET);
        assertThat(WebhookSignature.verifies(secret, ID, TIMESTAMP, PAYLOAD, EXPECTED))
                .isTrue();
        // The python library's tampered vector (last character changed), another body, id or timestamp: refused.
        assertThat(WebhookSignature.verifies(
                        secret, ID, TIMESTAMP, PAYLOAD, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA="))
                .isFalse();
        assertThat(WebhookSignature.verifies(secret, ID, TIMESTAMP, "{\"test\": 2432232315}", EXPECTED))
                .isFalse();
        assertThat(WebhookSignature.verifies(secret, "msg_other", TIMESTAMP, PAYLOAD, EXPECTED))
                .isFalse();
        assertThat(WebhookSignature.verifies(secret, ID, TIMESTAMP + 1, PAYLOAD, EXPECTED))
                .isFalse();
        // Another version tag is not a v1 signature.
        assertThat(WebhookSignature.verifies(secret, ID, TIMESTAMP, PAYLOAD, EXPECTED.replace("v1,", "v2,")))
                .isFalse();
    }

    @Test
    void duringARotationBothSecretsSignSeparatedByASpace() {
        SigningSecret current = SigningSecret.generate(new Random(1));
        SigningSecret previous = SigningSecret.parse(SECRET);

        String header = WebhookSignature.header(List.of(current, previous), ID, TIMESTAMP, PAYLOAD);

        assertThat(header.split(" ")).hasSize(2);
        assertThat(header).endsWith(" " + EXPECTED);
        assertThat(WebhookSignature.verifies(current, ID, TIMESTAMP, PAYLOAD, header))
                .isTrue();
        assertThat(WebhookSignature.verifies(previous, ID, TIMESTAMP, PAYLOAD, header))
                .isTrue();
        assertThat(WebhookSignature.verifies(SigningSecret.generate(new Random(2)), ID, TIMESTAMP, PAYLOAD, header))
                .isFalse();
    }

    @Test
    void generatedSecretsAreWhsecAndThirtyTwoRandomBytes() {
        String shown = SigningSecret.generate().encoded();
        assertThat(shown).startsWith("whsec_");
        assertThat(java.util.Base64.getDecoder().decode(shown.substring(6))).hasSize(32);
        assertThat(SigningSecret.generate().encoded()).isNotEqualTo(shown);
        assertThat(SigningSecret.generate().toString()).doesNotContain("whsec_");
    }

    @Test
    void anIdWithADotOrATooShortSecretIsRefused() {
        assertThatThrownBy(() -> WebhookSignature.sign(SigningSecret.parse(SECRET), "msg.1", TIMESTAMP, PAYLOAD))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SigningSecret.parse("whsec_c2hvcnQ=")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SigningSecret.parse("whsec_not base64!")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDeliveryIdIsAWebhookIdWithoutDots() {
        assertThat(Delivery.webhookId(java.util.UUID.fromString("00000000-0000-0000-0000-000000000001")))
                .isEqualTo("msg_00000000000000000000000000000001");
    }
}
