package org.vetted.contract.signing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public keys each signing service is known by. A signature verifies only with a key of the issuer that owns
 * the record's topic, found by the {@code kid} in its header: a rendering key cannot vouch for an approval. An issuer
 * may have several keys at once, which is how keys rotate: the new key is added to every service's trusted set, the
 * issuer starts signing with it, and the old key stays trusted for a grace period (while records it signed are still
 * read) before it is removed. A kid names one key only: a set in which two different keys share a kid is refused.
 * Each key's verifier is built once, when the key is trusted: a key that is no Ed25519 key is refused then.
 */
public final class TrustedKeys {
    private final Map<Issuer, List<Trusted>> keys;

    /** A public key and its verifier, decoded once rather than for every signature. */
    private record Trusted(OctetKeyPair jwk, JWSVerifier verifier) {}

    private TrustedKeys(Map<Issuer, List<Trusted>> keys) {
        this.keys = keys;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The issuer's public keys, as a JWK set (private parts never included). */
    public JWKSet jwkSet(Issuer issuer) {
        return new JWKSet(keys.getOrDefault(issuer, List.of()).stream()
                .map(key -> (JWK) key.jwk())
                .toList());
    }

    boolean hasKeysOf(Issuer issuer) {
        return !keys.getOrDefault(issuer, List.of()).isEmpty();
    }

    /** Verifies a detached JWS over {@code content}; empty when it verifies, else why not. */
    Optional<String> verifyDetached(Issuer issuer, String detachedJws, byte[] content) {
        if (detachedJws == null || detachedJws.isBlank()) {
            return Optional.of("it carries no signature");
        }
        try {
            return verify(issuer, JWSObject.parse(detachedJws, DetachedPayload.of(content)));
        } catch (ParseException e) {
            return Optional.of("its signature is not a JWS");
        }
    }

    /** Verifies a compact JWS with its payload; empty when it verifies, else why not. */
    public Optional<String> verifyCompact(Issuer issuer, String compactJws) {
        try {
            return verify(issuer, JWSObject.parse(compactJws));
        } catch (ParseException e) {
            return Optional.of("not a JWS");
        }
    }

    private Optional<String> verify(Issuer issuer, JWSObject jws) {
        if (!JWSAlgorithm.EdDSA.equals(jws.getHeader().getAlgorithm())) {
            return Optional.of("its signature is not EdDSA");
        }
        String keyId = jws.getHeader().getKeyID();
        Optional<Trusted> key = keys.getOrDefault(issuer, List.of()).stream()
                .filter(k -> k.jwk().getKeyID().equals(keyId))
                .findFirst();
        if (key.isEmpty()) {
            return Optional.of(
                    "its signature names key " + keyId + ", which is not a key of the " + issuer.id() + " service");
        }
        try {
            return jws.verify(key.get().verifier())
                    ? Optional.empty()
                    : Optional.of("its signature does not verify with " + issuer.id() + " key " + keyId);
        } catch (JOSEException | IllegalStateException e) {
            return Optional.of("its signature does not verify with " + issuer.id() + " key " + keyId);
        }
    }

    public static final class Builder {
        private final Map<Issuer, List<Trusted>> keys = new EnumMap<>(Issuer.class);

        /** Adds every OKP key of {@code jwkOrSet} (one JWK or a JWK set, JSON), public parts only. */
        public Builder trust(Issuer issuer, String jwkOrSet) {
            try {
                List<JWK> parsed =
                        jwkOrSet.contains("\"keys\"") ? JWKSet.parse(jwkOrSet).getKeys() : List.of(JWK.parse(jwkOrSet));
                for (JWK jwk : parsed) {
                    trust(issuer, jwk);
                }
                return this;
            } catch (ParseException e) {
                throw new IllegalArgumentException("the trusted keys of " + issuer.id() + " are not a JWK or JWK set");
            }
        }

        public Builder trust(Issuer issuer, JWK jwk) {
            if (!(jwk instanceof OctetKeyPair okp) || jwk.getKeyID() == null) {
                throw new IllegalArgumentException(
                        "a trusted key of " + issuer.id() + " is not an OKP (Ed25519) key with a kid");
            }
            OctetKeyPair key = okp.toPublicJWK();
            String keyId = key.getKeyID();
            for (Map.Entry<Issuer, List<Trusted>> entry : keys.entrySet()) {
                for (Trusted trusted : entry.getValue()) {
                    OctetKeyPair known = trusted.jwk();
                    if (!known.getKeyID().equals(keyId)) {
                        continue;
                    }
                    boolean sameKey = known.getCurve().equals(key.getCurve())
                            && known.getX().equals(key.getX());
                    if (entry.getKey() == issuer && sameKey) {
                        return this; // the same key listed twice: harmless
                    }
                    // A verifier picks the key by kid: a kid naming two keys, or two services, must not start.
                    throw new IllegalArgumentException(
                            entry.getKey() == issuer
                                    ? "kid " + keyId + " is given to two different trusted keys of " + issuer.id()
                                            + "; every key needs a kid of its own"
                                    : "kid " + keyId + " is trusted both as a key of "
                                            + entry.getKey().id() + " and of " + issuer.id()
                                            + "; every key needs a kid of its own, and belongs to one service");
                }
            }
            JWSVerifier verifier;
            try {
                verifier = Ed25519.verifier(key);
            } catch (IllegalArgumentException e) {
                // Refused now rather than at every record it is named by.
                throw new IllegalArgumentException(
                        "trusted key " + keyId + " of " + issuer.id() + " is no Ed25519 public key: " + e.getMessage());
            }
            keys.computeIfAbsent(issuer, i -> new ArrayList<>()).add(new Trusted(key, verifier));
            return this;
        }

        public TrustedKeys build() {
            Map<Issuer, List<Trusted>> copy = new EnumMap<>(Issuer.class);
            keys.forEach((issuer, list) -> copy.put(issuer, List.copyOf(list)));
            return new TrustedKeys(copy);
        }
    }
}
