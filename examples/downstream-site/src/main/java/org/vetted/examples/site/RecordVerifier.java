package org.vetted.examples.site;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Checks a record of {@code article.published} as any site can, with a stock JOSE library: its
 * {@value #SIGNATURE_HEADER} header is a detached compact JWS (RFC 7515 appendix F, {@code header..signature}), alg
 * EdDSA, by a key of distribution's JWK set named by {@code kid}, over exactly the record's value bytes. Nothing of
 * the project's own canonical form or signer is used: whoever can write to the topic without distribution's private
 * key cannot make a record that passes.
 */
public final class RecordVerifier {
    public static final String SIGNATURE_HEADER = "vetted-signature";

    private final JwkSetSource keys;

    public RecordVerifier(JwkSetSource keys) {
        this.keys = keys;
    }

    /** Empty when the record is distribution's, byte for byte; otherwise why not. */
    public Optional<String> problem(Headers headers, byte[] value) {
        List<Header> found = new ArrayList<>();
        headers.headers(SIGNATURE_HEADER).forEach(found::add);
        if (found.isEmpty()) {
            return Optional.of("it has no " + SIGNATURE_HEADER + " header");
        }
        if (found.size() > 1) {
            // Which one would count? Neither: a verifier must never pick one silently.
            return Optional.of("it has " + found.size() + " " + SIGNATURE_HEADER + " headers");
        }
        if (value == null || found.get(0).value() == null) {
            return Optional.of("it has no value or an empty " + SIGNATURE_HEADER + " header");
        }
        JWSObject jws;
        try {
            // Refuses a JWS whose payload part is not empty: only the record's own bytes are the payload.
            jws = JWSObject.parse(new String(found.get(0).value(), StandardCharsets.US_ASCII), new Payload(value));
        } catch (ParseException e) {
            return Optional.of("its " + SIGNATURE_HEADER + " header is not a detached JWS: " + e.getMessage());
        }
        if (!JWSAlgorithm.EdDSA.equals(jws.getHeader().getAlgorithm())) {
            return Optional.of("its signature is " + jws.getHeader().getAlgorithm() + ", not EdDSA");
        }
        String keyId = jws.getHeader().getKeyID();
        if (keyId == null) {
            return Optional.of("its signature names no key (kid)");
        }
        Optional<JWK> key = keys.key(keyId);
        if (key.isEmpty() || !(key.get() instanceof OctetKeyPair okp) || !Curve.Ed25519.equals(okp.getCurve())) {
            return Optional.of(
                    "its signature names key " + keyId + ", which is not an Ed25519 key of distribution's JWK set");
        }
        try {
            return jws.verify(new Ed25519Verifier(okp))
                    ? Optional.empty()
                    : Optional.of("its signature does not verify with distribution key " + keyId);
        } catch (JOSEException e) {
            return Optional.of("its signature does not verify with distribution key " + keyId + ": " + e.getMessage());
        }
    }
}
