package org.vetted.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.vetted.e2e.PipelineSteps.publication;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.Topics;
import tools.jackson.databind.JsonNode;

/**
 * Signed webhooks on the real broker: an editor subscribes a receiver on loopback (the local profile allows it), a
 * publication on the public topic reaches it once per webhook-id (retried after a failure, with the same id) with a
 * signature the receiver verifies knowing only the secret; a forged record on the topic never reaches it.
 */
interface WebhookScenarios extends PipelineSteps {

    /** One request as the receiver saw it. */
    record Received(String id, long timestamp, String signature, String body) {}

    @Test
    default void aSubscriberOnLoopbackReceivesThePublishedArticleOncePerWebhookIdSigned() throws Exception {
        List<Received> received = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger calls = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks", exchange -> {
            received.add(new Received(
                    exchange.getRequestHeaders().getFirst("webhook-id"),
                    Long.parseLong(exchange.getRequestHeaders().getFirst("webhook-timestamp")),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            // The first attempt fails after the receiver got it: the retry must carry the same webhook-id.
            exchange.sendResponseHeaders(calls.incrementAndGet() == 1 ? 503 : 204, -1);
            exchange.close();
        });
        receiver.start();
        String subscriptionId = null;
        try {
            Http.Response created = Http.postJson(
                    distribution() + "/api/subscriptions",
                    "eddie",
                    Map.of(
                            "url",
                            "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks",
                            "events",
                            List.of("article.published")));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            subscriptionId = created.json().path("id").asString();
            byte[] key = Base64.getDecoder()
                    .decode(created.json().path("secret").asString().substring("whsec_".length()));
            // A writer may not subscribe.
            assertThat(Http.postJson(distribution() + "/api/subscriptions", "wanda", Map.of())
                            .status())
                    .isEqualTo(403);

            String articleId = "webhook-" + UUID.randomUUID();
            kafka().sendRaw(
                            Topics.PUBLISHED,
                            articleId,
                            EventCatalog.standard().encode(publication(articleId, articleId + "-forged", false)));
            kafka().sendRaw(
                            Topics.PUBLISHED,
                            articleId,
                            EventCatalog.standard().encode(publication(articleId, articleId + "-sealed", true)));

            await().atMost(Duration.ofSeconds(30)).until(() -> calls.get() >= 2);

            assertThat(received).hasSize(2);
            assertThat(Set.copyOf(received.stream().map(Received::id).toList()))
                    .singleElement()
                    .asString()
                    .startsWith("msg_");
            for (Received request : received) {
                assertThat(verifies(key, request)).as(request.signature()).isTrue();
                assertThat(Math.abs(Instant.now().getEpochSecond() - request.timestamp()))
                        .isLessThan(300);
                JsonNode body = Http.JSON.readTree(request.body());
                assertThat(body.path("type").asString()).isEqualTo("article.published");
                assertThat(body.path("data").path("articleId").asString()).isEqualTo(articleId);
                assertThat(body.path("data").path("slug").asString()).isEqualTo(articleId + "-sealed");
            }
            // A tampered body does not verify.
            Received first = received.get(0);
            assertThat(verifies(
                            key,
                            new Received(
                                    first.id(),
                                    first.timestamp(),
                                    first.signature(),
                                    first.body().replace("-sealed", "-forged"))))
                    .isFalse();
            String deliveries = subscriptionId;
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> Http.get(distribution() + "/api/subscriptions/" + deliveries + "/deliveries", "eddie")
                            .body()
                            .contains("\"DELIVERED\""));
        } finally {
            receiver.stop(0);
            if (subscriptionId != null) {
                delete(distribution() + "/api/subscriptions/" + subscriptionId);
            }
        }
    }

    /** How a receiver checks: HMAC-SHA256 of id.timestamp.body with the secret's bytes, against each signature. */
    private static boolean verifies(byte[] key, Received request) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String expected = "v1,"
                + Base64.getEncoder()
                        .encodeToString(mac.doFinal((request.id() + "." + request.timestamp() + "." + request.body())
                                .getBytes(StandardCharsets.UTF_8)));
        for (String signature : request.signature().split(" ")) {
            if (MessageDigest.isEqual(
                    expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }

    private static void delete(String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .DELETE()
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString("eddie:eddie-pass".getBytes(StandardCharsets.UTF_8)))
                .build();
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());
    }
}
