package org.vetted.contract.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.util.Base64URL;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DetachedPayloadTest {
    @Test
    void itIsNimbussOwnBase64urlTextForEveryLength() {
        Random random = new Random(7);
        for (int length = 0; length < 300; length++) {
            byte[] content = new byte[length];
            random.nextBytes(content);

            assertThat(DetachedPayload.of(content).toBase64URL().toString())
                    .as("%d bytes", length)
                    .isEqualTo(Base64URL.encode(content).toString());
        }
    }

    @Test
    void aDetachedSignatureVerifiesThroughNimbussOwnEncodingOfThePayload() throws Exception {
        SigningKey key = SigningKey.generate(Issuer.RENDERING, "rendering-k");
        byte[] content = new byte[40_000];
        new Random(8).nextBytes(content);

        JWSObject jws = JWSObject.parse(key.signDetached(content), new Payload(content));

        assertThat(jws.verify(Ed25519.verifier(key.publicJwk()))).isTrue();
    }
}
