package org.vetted.contract.signing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSProvider;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Set;

/**
 * EdDSA (Ed25519) signing and verification for Nimbus JWS objects with the JDK's own Ed25519 (Java 15+). Nimbus
 * brings the JOSE structures (JWK, JWK sets, JWS compact form); its own Ed25519 signer needs Google Tink, which
 * the JDK makes unnecessary. Raw OKP keys become JDK keys through their fixed DER prefixes (RFC 8410).
 */
final class Ed25519 {
    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    private static final byte[] PKCS8_PREFIX = {
        0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20
    };
    private static final int KEY_BYTES = 32;

    /** What Nimbus asks of every signer and verifier: EdDSA only, the JDK's own providers. */
    private abstract static class Provider implements JWSProvider {
        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return Set.of(JWSAlgorithm.EdDSA);
        }

        @Override
        public JCAContext getJCAContext() {
            return new JCAContext();
        }
    }

    static JWSSigner signer(OctetKeyPair key) {
        requireEd25519(key);
        if (key.getD() == null) {
            throw new IllegalArgumentException("key " + key.getKeyID() + " has no private part (d)");
        }
        return new Signer(privateKey(key.getD().decode()));
    }

    static JWSVerifier verifier(OctetKeyPair key) {
        requireEd25519(key);
        return new Verifier(publicKey(key.getX().decode()));
    }

    private static final class Signer extends Provider implements JWSSigner {
        private final PrivateKey privateKey;

        Signer(PrivateKey privateKey) {
            this.privateKey = privateKey;
        }

        @Override
        public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
            try {
                Signature signature = Signature.getInstance("Ed25519");
                signature.initSign(privateKey);
                signature.update(signingInput);
                return Base64URL.encode(signature.sign());
            } catch (GeneralSecurityException e) {
                throw new JOSEException("Ed25519 signing failed", e);
            }
        }
    }

    private static final class Verifier extends Provider implements JWSVerifier {
        private final PublicKey publicKey;

        Verifier(PublicKey publicKey) {
            this.publicKey = publicKey;
        }

        @Override
        public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signed) {
            if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
                return false;
            }
            try {
                Signature signature = Signature.getInstance("Ed25519");
                signature.initVerify(publicKey);
                signature.update(signingInput);
                return signature.verify(signed.decode());
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                return false;
            }
        }
    }

    /** A new key pair as an OKP JWK with private part, for {@code keyId}. */
    static OctetKeyPair generate(String keyId) {
        try {
            var pair = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] x = tail(pair.getPublic().getEncoded());
            byte[] d = tail(pair.getPrivate().getEncoded());
            return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x))
                    .d(Base64URL.encode(d))
                    .keyID(keyId)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JRE 15+ ships Ed25519", e);
        }
    }

    private static void requireEd25519(OctetKeyPair key) {
        if (!Curve.Ed25519.equals(key.getCurve())) {
            throw new IllegalArgumentException("key " + key.getKeyID() + " is not an Ed25519 key");
        }
    }

    private static PublicKey publicKey(byte[] x) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, x)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    private static PrivateKey privateKey(byte[] d) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, d)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 private key", e);
        }
    }

    private static byte[] concat(byte[] prefix, byte[] raw) {
        if (raw.length != KEY_BYTES) {
            throw new IllegalArgumentException("an Ed25519 key has " + KEY_BYTES + " bytes, not " + raw.length);
        }
        byte[] out = new byte[prefix.length + raw.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(raw, 0, out, prefix.length, raw.length);
        return out;
    }

    private static byte[] tail(byte[] encoded) {
        byte[] raw = new byte[KEY_BYTES];
        System.arraycopy(encoded, encoded.length - KEY_BYTES, raw, 0, KEY_BYTES);
        return raw;
    }

    private Ed25519() {}
}
