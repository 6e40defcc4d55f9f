package org.vetted.distribution.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.vetted.contract.signing.Signatures;
import org.vetted.contract.signing.SigningKey;
import org.vetted.distribution.domain.PublishedArticle;

/**
 * What lets a downstream site trust an article it fetched over HTTP without trusting the transport or a cache:
 * a compact JWS (alg EdDSA, {@code kid} naming one of the keys at {@code /.well-known/jwks.json}) whose JSON payload
 * names the article, the revision, the slug, the approved content hash and the SHA-256 of the exact {@code html}
 * served beside it.
 */
final class ArticleSignature {
    static final String TYPE = "vetted-article+jws";

    private final SigningKey key;

    ArticleSignature(Signatures signatures) {
        this.key = signatures.ownKey().orElseThrow(() -> new IllegalStateException("distribution has no signing key"));
    }

    String of(PublishedArticle article) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("articleId", article.articleId());
        claims.put("revision", article.revision());
        claims.put("slug", article.slug());
        claims.put("contentHash", article.contentHash());
        claims.put("htmlSha256", sha256Hex(article.html()));
        claims.put("publishedAt", article.publishedAt().toString());
        return key.signJson(claims, TYPE);
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE ships SHA-256", e);
        }
    }
}
