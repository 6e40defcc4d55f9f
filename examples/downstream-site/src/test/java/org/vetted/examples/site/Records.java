package org.vetted.examples.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.Signatures;
import org.vetted.events.ArticleCorrected;
import org.vetted.events.ArticlePublished;
import org.vetted.events.Author;
import org.vetted.events.Reviewer;

/** Records of the public topic as distribution writes them (demo keys), and the JWK set it serves. */
final class Records {
    static final Signatures DISTRIBUTION = DemoKeys.signaturesOf(Issuer.DISTRIBUTION);
    static final Signatures RENDERING = DemoKeys.signaturesOf(Issuer.RENDERING);
    static final Instant AT = Instant.parse("2026-11-26T09:00:00Z");

    static ArticlePublished article(String articleId, int revision, String slug, String title) {
        return DISTRIBUTION.sign(ArticlePublished.newBuilder()
                .setEventId("published-" + articleId + "-" + revision)
                .setArticleId(articleId)
                .setRevision(revision)
                .setSlug(slug)
                .setTitle(title)
                .setSummary("A summary.")
                .setHtml("<p>Walking may ease back pain.</p>")
                .setUrl("https://vetted.example/articles/" + slug)
                .setAuthors(List.of(new Author("wanda", "Wanda Writer")))
                .setTags(List.of("exercise"))
                .setMedicallyReviewedBy(new Reviewer("rita", "Rita Reyes", "MD"))
                .setMedicalReviewers(List.of(new Reviewer("rita", "Rita Reyes", "MD")))
                .setMedicallyReviewedAt(AT.minusSeconds(3600))
                .setContentHash("sha256v2:abc")
                .setPublishedAt(AT.plusSeconds(revision))
                .build());
    }

    /** A corrected revision as distribution writes it. */
    static ArticleCorrected corrected(String articleId, int revision, String slug, String title, String note) {
        ArticlePublished article = article(articleId, revision, slug, title);
        return DISTRIBUTION.sign(ArticleCorrected.newBuilder()
                .setEventId("corrected-" + articleId + "-" + revision)
                .setArticleId(articleId)
                .setRevision(revision)
                .setSlug(slug)
                .setTitle(title)
                .setSummary(article.getSummary())
                .setHtml("<p>Walking may ease back pain, revised.</p>")
                .setUrl(article.getUrl())
                .setAuthors(article.getAuthors())
                .setTags(article.getTags())
                .setMedicallyReviewedBy(article.getMedicallyReviewedBy())
                .setMedicalReviewers(article.getMedicalReviewers())
                .setMedicallyReviewedAt(article.getMedicallyReviewedAt())
                .setContentHash(article.getContentHash())
                .setPublishedAt(article.getPublishedAt())
                .setCorrection(note)
                .setCorrectedAt(article.getPublishedAt())
                .build());
    }

    static byte[] value(ArticlePublished article) {
        return EventCatalog.standard().encode(article);
    }

    /** The headers distribution sets: its signature over exactly {@code value}. */
    static Headers signed(byte[] value) {
        return headers(DISTRIBUTION.signValue(value));
    }

    static Headers headers(String... signatures) {
        RecordHeaders headers = new RecordHeaders();
        for (String signature : signatures) {
            headers.add(RecordVerifier.SIGNATURE_HEADER, signature.getBytes(StandardCharsets.US_ASCII));
        }
        return headers;
    }

    /** distribution's JWK set as {@code /.well-known/jwks.json} serves it, kept in a file. */
    static JwkSetSource servedKeys(Path folder) throws IOException {
        Path file = folder.resolve("jwks.json");
        Files.writeString(file, DemoKeys.trusted().jwkSet(Issuer.DISTRIBUTION).toString(true));
        return JwkSetSource.load(file.toString(), Clock.systemUTC());
    }

    private Records() {}
}
