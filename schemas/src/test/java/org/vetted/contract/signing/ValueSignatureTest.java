package org.vetted.contract.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vetted.contract.EventCatalog;
import org.vetted.events.ArticlePublished;
import org.vetted.events.Reviewer;

/**
 * The {@code vetted-signature} header as a downstream site checks it: with a stock JOSE library (Nimbus's own Ed25519
 * verifier, Tink underneath, not this module's), the JWK set distribution serves, the header and the raw value bytes.
 * Nothing of the project's canonical form is needed.
 */
class ValueSignatureTest {
    private static final Instant AT = Instant.parse("2026-11-25T15:30:00Z");
    private static final Signatures DISTRIBUTION = DemoKeys.signaturesOf(Issuer.DISTRIBUTION);
    private static final Signatures RENDERING = DemoKeys.signaturesOf(Issuer.RENDERING);

    /** distribution's JWK set exactly as {@code /.well-known/jwks.json} serves it (public parts only). */
    private static final String SERVED_JWK_SET =
            DemoKeys.trusted().jwkSet(Issuer.DISTRIBUTION).toString(true);

    @Test
    void aSiteVerifiesTheHeaderOverTheValueBytesWithAStockJoseLibrary() throws Exception {
        byte[] value = EventCatalog.standard().encode(DISTRIBUTION.sign(published()));
        String header = DISTRIBUTION.signValue(value);

        assertThat(header).matches("[A-Za-z0-9_-]+\\.\\.[A-Za-z0-9_-]+");
        JWSObject jws = JWSObject.parse(header, new Payload(value));
        assertThat(jws.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.EdDSA);
        assertThat(jws.getHeader().getKeyID()).isEqualTo("distribution-demo-1");
        assertThat(stockVerify(header, value)).isTrue();
        assertThat(DISTRIBUTION.valueProblem(Issuer.DISTRIBUTION, header, value))
                .isEmpty();
    }

    @Test
    void oneByteOfTheValueChangedNoLongerVerifies() throws Exception {
        byte[] value = EventCatalog.standard().encode(DISTRIBUTION.sign(published()));
        String header = DISTRIBUTION.signValue(value);

        for (int i : new int[] {0, 2, 10, value.length / 2, value.length - 1}) {
            byte[] altered = value.clone();
            altered[i] ^= 0x01;
            assertThat(stockVerify(header, altered)).as("byte %d changed", i).isFalse();
            assertThat(DISTRIBUTION.valueProblem(Issuer.DISTRIBUTION, header, altered))
                    .get()
                    .asString()
                    .contains("does not verify");
        }
    }

    @Test
    void onlyTheWritersKeyVouchesForItsValues() throws Exception {
        byte[] value = EventCatalog.standard().encode(DISTRIBUTION.sign(published()));
        // Another service's key (or anyone's who can write the topic) makes no header that verifies as distribution's.
        String byRendering = RENDERING.signValue(value);

        assertThat(stockVerify(byRendering, value)).isFalse();
        assertThat(DISTRIBUTION.valueProblem(Issuer.DISTRIBUTION, byRendering, value))
                .get()
                .asString()
                .contains("not a key of the distribution service");
        assertThat(DISTRIBUTION.valueProblem(Issuer.DISTRIBUTION, null, value)).hasValue("it carries no signature");
    }

    @Test
    void anAttachedPayloadIsNotAValueSignature() {
        byte[] value = EventCatalog.standard().encode(DISTRIBUTION.sign(published()));
        String[] parts = DISTRIBUTION.signValue(value).split("\\.", -1);
        String attached = parts[0] + "." + com.nimbusds.jose.util.Base64URL.encode(value) + "." + parts[2];

        assertThat(DISTRIBUTION.valueProblem(Issuer.DISTRIBUTION, attached, value))
                .hasValue("its signature is not a detached JWS");
    }

    /** What a site does: parse the detached JWS over the value, pick the key by kid, check alg and signature. */
    private static boolean stockVerify(String header, byte[] value) throws Exception {
        JWSObject jws = JWSObject.parse(header, new Payload(value));
        JWK key = JWKSet.parse(SERVED_JWK_SET).getKeyByKeyId(jws.getHeader().getKeyID());
        return key instanceof OctetKeyPair okp
                && JWSAlgorithm.EdDSA.equals(jws.getHeader().getAlgorithm())
                && jws.verify(new Ed25519Verifier(okp));
    }

    private static ArticlePublished published() {
        return ArticlePublished.newBuilder()
                .setEventId("p-1")
                .setArticleId("a-1")
                .setRevision(1)
                .setSlug("s")
                .setTitle("T")
                .setSummary("S")
                .setHtml("<p>B</p>")
                .setMedicallyReviewedBy(new Reviewer("paul", "Paul Park", "PharmD"))
                .setMedicalReviewers(List.of())
                .setMedicallyReviewedAt(AT)
                .setContentHash("sha256v2:abc")
                .setPublishedAt(AT)
                .build();
    }
}
