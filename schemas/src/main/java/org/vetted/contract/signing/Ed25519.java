package org.vetted.contract.signing;

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
import java.util.Set;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * EdDSA (Ed25519, RFC 8032) signing and verification for Nimbus JWS objects with BouncyCastle's lightweight API (no
 * JCA provider is registered). Nimbus brings the JOSE structures (JWK, JWK sets, JWS compact form); its own Ed25519
 * signer needs Google Tink. BouncyCastle rather than the JDK's own Ed25519 because every event, and every row read
 * back, is signed or verified, and the JDK's takes several ms per signature. Ed25519 is deterministic: the signatures
 * are byte for byte those the JDK makes. The raw OKP key is decoded once, when the signer or verifier is built.
 */
final class Ed25519 {
    private static final int KEY_BYTES = 32;
    private static final int SIGNATURE_BYTES = 64;
    /** Pure Ed25519 (no context, no pre-hash), as JWS's EdDSA with crv Ed25519 is (RFC 8037). */
    private static final int PURE = org.bouncycastle.math.ec.rfc8032.Ed25519.Algorithm.Ed25519;

    /** What Nimbus asks of every signer and verifier: EdDSA only. */
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
        return new Signer(
                new Ed25519PrivateKeyParameters(requireKeyBytes(key.getD().decode())));
    }

    /**
     * A verifier for the public key {@code x}. A key of the right length that BouncyCastle refuses (no point of the
     * curve, or a point of small order, which vouches for nothing) gives a verifier that verifies nothing rather than
     * an exception, as the JDK's did for a point off the curve.
     */
    static JWSVerifier verifier(OctetKeyPair key) {
        requireEd25519(key);
        byte[] x = requireKeyBytes(key.getX().decode());
        Ed25519PublicKeyParameters publicKey;
        try {
            publicKey = new Ed25519PublicKeyParameters(x);
        } catch (IllegalArgumentException notAPoint) {
            publicKey = null;
        }
        return new Verifier(publicKey);
    }

    private static final class Signer extends Provider implements JWSSigner {
        private final Ed25519PrivateKeyParameters privateKey;
        // Derived from d (as the JDK did), never taken from the JWK's x: a JWK whose x is not d's cannot skew it.
        private final Ed25519PublicKeyParameters publicKey;

        Signer(Ed25519PrivateKeyParameters privateKey) {
            this.privateKey = privateKey;
            this.publicKey = privateKey.generatePublicKey();
        }

        @Override
        public Base64URL sign(JWSHeader header, byte[] signingInput) {
            byte[] signature = new byte[SIGNATURE_BYTES];
            privateKey.sign(PURE, publicKey, null, signingInput, 0, signingInput.length, signature, 0);
            return Base64URL.encode(signature);
        }
    }

    private static final class Verifier extends Provider implements JWSVerifier {
        private final Ed25519PublicKeyParameters publicKey;

        Verifier(Ed25519PublicKeyParameters publicKey) {
            this.publicKey = publicKey;
        }

        @Override
        public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signed) {
            if (publicKey == null || !JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
                return false;
            }
            try {
                byte[] signature = signed.decode();
                // BouncyCastle reads 64 bytes from the offset: any other length is no Ed25519 signature.
                return signature.length == SIGNATURE_BYTES
                        && publicKey.verify(PURE, null, signingInput, 0, signingInput.length, signature, 0);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }

    /** A new key pair as an OKP JWK with private part, for {@code keyId}. Not a hot path: the JDK's generator. */
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

    private static byte[] requireKeyBytes(byte[] raw) {
        if (raw.length != KEY_BYTES) {
            throw new IllegalArgumentException("an Ed25519 key has " + KEY_BYTES + " bytes, not " + raw.length);
        }
        return raw;
    }

    /** The raw key at the end of its X.509 or PKCS #8 encoding (RFC 8410). */
    private static byte[] tail(byte[] encoded) {
        byte[] raw = new byte[KEY_BYTES];
        System.arraycopy(encoded, encoded.length - KEY_BYTES, raw, 0, KEY_BYTES);
        return raw;
    }

    private Ed25519() {}
}
