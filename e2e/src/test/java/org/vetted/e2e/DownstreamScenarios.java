package org.vetted.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.Topics;
import org.vetted.events.ArticlePublished;
import org.vetted.examples.site.Dispatch;
import org.vetted.examples.site.JwkSetSource;
import org.vetted.examples.site.RecordVerifier;
import org.vetted.examples.site.SiteConsumer;
import org.vetted.examples.site.StaticSite;

/**
 * The public topic as a site outside the project reads it: plain Kafka consumers, distribution's JWK set fetched over
 * HTTP, and a stock JOSE library checking each record's {@code vetted-signature} header over the raw value bytes.
 */
interface DownstreamScenarios extends PipelineSteps {
    @Test
    default void everyPublishedRecordVerifiesFromItsHeaderAndRawValueWithTheJwkSetAlone() throws Exception {
        String articleId = "record-signed-" + UUID.randomUUID();
        kafka().sendRaw(
                        Topics.APPROVED,
                        articleId,
                        EventCatalog.standard().encode(HostileEventScenarios.approval(articleId, true, false)));
        awaitPublished(articleId, 1);

        ConsumerRecord<String, byte[]> record =
                kafka().recordsFor(Topics.PUBLISHED, articleId).get(0);
        JWKSet keys = JWKSet.parse(
                Http.get(distribution() + "/.well-known/jwks.json", null).body());
        Header header = record.headers().lastHeader("vetted-signature");
        assertThat(header).as("distribution's records carry the header").isNotNull();
        String jws = new String(header.value(), StandardCharsets.US_ASCII);

        assertThat(verifies(keys, jws, record.value())).isTrue();
        byte[] altered = record.value().clone();
        altered[altered.length / 2] ^= 1;
        assertThat(verifies(keys, jws, altered)).isFalse();
    }

    @Test
    default void theExampleSiteWritesThePageOfAPublishedArticle(@TempDir Path out) throws Exception {
        String articleId = "example-site-" + UUID.randomUUID();
        kafka().sendRaw(
                        Topics.APPROVED,
                        articleId,
                        EventCatalog.standard().encode(HostileEventScenarios.approval(articleId, true, false)));
        ArticlePublished published = awaitPublished(articleId, 1);
        // A record written to the public topic by someone without distribution's key: refused, never a page.
        String forgedId = "example-forged-" + UUID.randomUUID();
        ArticlePublished forged = ArticlePublished.newBuilder(published)
                .setArticleId(forgedId)
                .setSlug(forgedId)
                .build();
        kafka().sendRaw(Topics.PUBLISHED, forgedId, EventCatalog.standard().encode(forged));

        // The whole topic from offset 0, once, as the example's README runs it (every earlier scenario's records too).
        Dispatch dispatch = new Dispatch(
                new RecordVerifier(JwkSetSource.load(distribution() + "/.well-known/jwks.json", Clock.systemUTC())),
                StaticSite.open(out));
        new SiteConsumer(
                        new SiteConsumer.Settings(
                                kafka().bootstrapServers(), Topics.PUBLISHED, null, true, new Properties()),
                        dispatch)
                .run();

        Path page = out.resolve(StaticSite.pagePath(published.getSlug()));
        assertThat(page).exists();
        assertThat(Files.readString(page)).contains(published.getTitle(), "may delay sleep onset");
        assertThat(Files.readString(out.resolve("index.html"))).contains(StaticSite.pagePath(published.getSlug()));
        assertThat(out.resolve(StaticSite.pagePath(forgedId))).doesNotExist();
    }

    /** The check a site makes: a detached JWS over the value, alg EdDSA, by a key of the set named by its kid. */
    private static boolean verifies(JWKSet keys, String detachedJws, byte[] value) throws Exception {
        JWSObject jws = JWSObject.parse(detachedJws, new Payload(value));
        return keys.getKeyByKeyId(jws.getHeader().getKeyID()) instanceof OctetKeyPair key
                && JWSAlgorithm.EdDSA.equals(jws.getHeader().getAlgorithm())
                && jws.verify(new Ed25519Verifier(key));
    }
}
