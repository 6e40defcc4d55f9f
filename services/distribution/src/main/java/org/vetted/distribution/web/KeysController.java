package org.vetted.distribution.web;

import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.Signatures;

/**
 * {@code GET /.well-known/jwks.json}: distribution's public keys (OKP, Ed25519), the current one and any still in
 * their grace period after a rotation, so downstream sites can check the {@code signature} of every article and of
 * every {@code ArticlePublished} event. Private parts are never included.
 */
@RestController
class KeysController {
    static final String JWK_SET_JSON = "application/jwk-set+json";

    private final Signatures signatures;

    KeysController(Signatures signatures) {
        this.signatures = signatures;
    }

    @GetMapping(
            value = "/.well-known/jwks.json",
            produces = {JWK_SET_JSON, "application/json"})
    ResponseEntity<Map<String, Object>> keys() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(signatures.trusted().jwkSet(Issuer.DISTRIBUTION).toJSONObject(true));
    }
}
