package org.vetted.distribution.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vetted.contract.Sha256;
import org.vetted.contract.signing.Signatures;
import org.vetted.contract.signing.SigningKey;

/**
 * What lets a downstream site trust an article it fetched over HTTP without trusting the transport or a cache:
 * a compact JWS (alg EdDSA, {@code kid} naming one of the keys at {@code /.well-known/jwks.json}) whose JSON payload
 * is the article as served, every field a site may display, with {@code html} replaced by its SHA-256
 * ({@code htmlSha256}) and without the signature itself. So a site checks one rule, the payload equals what it was
 * served, and a field added to {@link ArticleJson} is signed as soon as it is served.
 */
final class ArticleSignature {
    static final String TYPE = "vetted-article+jws";

    private final SigningKey key;

    ArticleSignature(Signatures signatures) {
        this.key = signatures.ownKey().orElseThrow(() -> new IllegalStateException("distribution has no signing key"));
    }

    String of(ArticleJson article) {
        return key.signJson(claims(article), TYPE);
    }

    /** The fields of {@link ArticleJson} in its order and shape, as plain JSON values. */
    static Map<String, Object> claims(ArticleJson article) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("articleId", article.articleId());
        claims.put("revision", article.revision());
        claims.put("slug", article.slug());
        claims.put("title", article.title());
        claims.put("summary", article.summary());
        claims.put("url", article.url());
        claims.put("htmlSha256", sha256Hex(article.html()));
        claims.put(
                "authors",
                article.authors().stream()
                        .map(author -> Map.of("name", author.name()))
                        .toList());
        claims.put("tags", article.tags());
        claims.put("medicallyReviewedBy", reviewer(article.medicallyReviewedBy()));
        claims.put(
                "medicalReviewers",
                article.medicalReviewers().stream()
                        .map(ArticleSignature::reviewer)
                        .toList());
        claims.put("medicallyReviewedAt", article.medicallyReviewedAt().toString());
        claims.put("firstPublishedAt", article.firstPublishedAt().toString());
        claims.put("publishedAt", article.publishedAt().toString());
        claims.put("contentHash", article.contentHash());
        if (article.retraction() != null) {
            Map<String, Object> retraction = new LinkedHashMap<>();
            retraction.put("reason", article.retraction().reason());
            retraction.put("decidedBy", reviewer(article.retraction().decidedBy()));
            retraction.put("decidedAt", article.retraction().decidedAt().toString());
            claims.put("retraction", retraction);
        }
        claims.put(
                "corrections",
                article.corrections().stream()
                        .map(correction -> {
                            Map<String, Object> json = new LinkedHashMap<>();
                            json.put("revision", correction.revision());
                            json.put("note", correction.note());
                            json.put("correctedAt", correction.correctedAt().toString());
                            return json;
                        })
                        .toList());
        if (article.reReview() != null) {
            Map<String, Object> reReview = new LinkedHashMap<>();
            reReview.put("status", article.reReview().status());
            reReview.put("lastReviewedAt", article.reReview().lastReviewedAt().toString());
            reReview.put("reviewBy", article.reReview().reviewBy().toString());
            reReview.put("reason", article.reReview().reason());
            reReview.put("libraryKey", article.reReview().libraryKey());
            claims.put("reReview", reReview);
        }
        return claims;
    }

    private static Map<String, Object> reviewer(ArticleJson.ReviewerJson reviewer) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", reviewer.name());
        json.put("credential", reviewer.credential());
        return json;
    }

    static String sha256Hex(String text) {
        return Sha256.hex(text);
    }
}
