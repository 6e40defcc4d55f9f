package org.vetted.distribution.web;

import com.nimbusds.jose.JWSObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.TrustedKeys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a downstream site does with {@code GET /api/articles/{slug}}, as the README tells it, with nothing but the
 * JWK set distribution serves: the signature verifies with one of those keys, and its payload is exactly the article
 * as served, less {@code signature}, with {@code html} replaced by its SHA-256.
 */
final class DownstreamSite {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TrustedKeys keys;

    /** @param jwkSet the body of {@code /.well-known/jwks.json} */
    DownstreamSite(String jwkSet) {
        this.keys = TrustedKeys.builder().trust(Issuer.DISTRIBUTION, jwkSet).build();
    }

    /** Why the served article may not be displayed, or empty when every field of it is distribution's. */
    Optional<String> problem(String served) {
        ObjectNode article = (ObjectNode) JSON.readTree(served);
        JsonNode signature = article.remove("signature");
        JsonNode html = article.remove("html");
        if (signature == null || !signature.isString() || html == null || !html.isString()) {
            return Optional.of("no signature or no html");
        }
        Optional<String> unsigned = keys.verifyCompact(Issuer.DISTRIBUTION, signature.asString());
        if (unsigned.isPresent()) {
            return unsigned;
        }
        article.put("htmlSha256", sha256Hex(html.asString()));
        try {
            JsonNode signed = JSON.readTree(
                    JWSObject.parse(signature.asString()).getPayload().toString());
            return signed.equals(article)
                    ? Optional.empty()
                    : Optional.of("what was served is not what was signed: " + signed + " vs " + article);
        } catch (java.text.ParseException e) {
            return Optional.of("not a JWS");
        }
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
