package org.vetted.contract.signing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.text.ParseException;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * One service's private Ed25519 key and its key id: what it signs its own records with. Held only by that service,
 * so no other service (nor anyone who can write to a topic) can make a signature that verifies as its.
 */
public final class SigningKey {
    private final Issuer issuer;
    private final String keyId;
    private final JWSSigner signer;
    private final OctetKeyPair key;

    private SigningKey(Issuer issuer, OctetKeyPair key) {
        if (key.getKeyID() == null || key.getKeyID().isBlank()) {
            throw new IllegalArgumentException("the signing key of " + issuer.id() + " has no key id (kid)");
        }
        this.issuer = issuer;
        this.keyId = key.getKeyID();
        this.signer = Ed25519.signer(key);
        this.key = key;
    }

    /** @param jwk an OKP JWK (Ed25519) with its private part {@code d} and a {@code kid} */
    public static SigningKey parse(Issuer issuer, String jwk) {
        try {
            if (!(JWK.parse(jwk) instanceof OctetKeyPair okp)) {
                throw new IllegalArgumentException(
                        "the signing key of " + issuer.id() + " is not an OKP (Ed25519) JWK");
            }
            return new SigningKey(issuer, okp);
        } catch (ParseException e) {
            // Never echo the key material.
            throw new IllegalArgumentException("the signing key of " + issuer.id() + " is not a valid JWK");
        }
    }

    /** A fresh key pair (for operators and tests); {@link #privateJwk()} gives it to store. */
    public static SigningKey generate(Issuer issuer, String keyId) {
        return new SigningKey(issuer, Ed25519.generate(keyId));
    }

    /** A fresh key pair under its {@linkplain #defaultKeyId default kid} for {@code day}. */
    public static SigningKey generate(Issuer issuer, LocalDate day) {
        OctetKeyPair key = Ed25519.generate(null);
        return new SigningKey(
                issuer,
                new OctetKeyPair.Builder(key)
                        .keyID(defaultKeyId(issuer, day, key))
                        .build());
    }

    /**
     * {@code <service>-<day>-<first 8 hex digits of the key's RFC 7638 thumbprint>}: the date tells operators which key
     * is newer, the thumbprint keeps two keys made on one day apart. It depends on the public key alone (not on its
     * private part or any kid it already has), so the same key always gets the same kid.
     */
    public static String defaultKeyId(Issuer issuer, LocalDate day, OctetKeyPair key) {
        try {
            byte[] thumbprint = key.toPublicJWK().computeThumbprint().decode();
            return issuer.id() + "-" + day + "-" + HexFormat.of().formatHex(thumbprint, 0, 4);
        } catch (JOSEException e) {
            throw new IllegalStateException("SHA-256 is in every JRE", e);
        }
    }

    public Issuer issuer() {
        return issuer;
    }

    public String keyId() {
        return keyId;
    }

    public OctetKeyPair publicJwk() {
        return key.toPublicJWK();
    }

    /** Detached JWS ({@code header..signature}, RFC 7515 appendix F) over {@code content}. */
    String signDetached(byte[] content) {
        return sign(DetachedPayload.of(content), null).serialize(true);
    }

    /** Compact JWS carrying {@code claims} as its JSON payload, typed {@code type}. */
    public String signJson(java.util.Map<String, Object> claims, String type) {
        return sign(new Payload(claims), new JOSEObjectType(type)).serialize();
    }

    private JWSObject sign(Payload payload, JOSEObjectType type) {
        JWSObject jws = new JWSObject(
                new JWSHeader.Builder(JWSAlgorithm.EdDSA)
                        .keyID(keyId)
                        .type(type)
                        .build(),
                payload);
        try {
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
        return jws;
    }

    /** The JWK with its private part: only for writing a generated key to the service's secret store. */
    public String privateJwk() {
        return key.toJSONString();
    }

    @Override
    public String toString() {
        return "SigningKey[" + issuer.id() + ", kid=" + keyId + "]";
    }
}
