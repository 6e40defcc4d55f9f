package org.vetted.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.vetted.contract.Topics;
import org.vetted.examples.site.Dispatch;
import org.vetted.examples.site.JwkSetSource;
import org.vetted.examples.site.RecordVerifier;
import org.vetted.examples.site.SiteConsumer;
import org.vetted.examples.site.StaticSite;
import tools.jackson.databind.JsonNode;

/**
 * The two downstream readers the lifecycle scenarios check every step with: a webhook receiver (a real HTTP server on
 * loopback, subscribed by an editor, verifying each request by the Standard Webhooks algorithm with the secret alone)
 * and the example site ({@code examples/downstream-site}) built from the public topic.
 */
final class Downstream {
    private Downstream() {}

    /**
     * One request as the receiver saw it: its headers and body, whether its signature verified and whether the
     * receiver accepted it (answered 204; else 503, for the sender to retry).
     */
    record Delivery(
            String id,
            long timestamp,
            String signature,
            String raw,
            boolean verified,
            boolean accepted,
            JsonNode body) {
        String type() {
            return body.path("type").asString();
        }

        String articleId() {
            return body.path("data").path("articleId").asString();
        }
    }

    /** Subscribes a receiver on loopback to {@code events}; it answers 204 to everything. */
    static Receiver subscribe(String distribution, List<String> events) throws Exception {
        return new Receiver(distribution, events, 0);
    }

    /** As {@link #subscribe(String, List)}, but the first {@code refused} requests are answered 503 (after reading them). */
    static Receiver subscribe(String distribution, List<String> events, int refused) throws Exception {
        return new Receiver(distribution, events, refused);
    }

    static final class Receiver implements AutoCloseable {
        private final String distribution;
        private final HttpServer server;
        private final List<Delivery> deliveries = Collections.synchronizedList(new ArrayList<>());
        private final byte[] key;
        private final String subscriptionId;
        private final AtomicInteger calls = new AtomicInteger();

        private Receiver(String distribution, List<String> events, int refused) throws Exception {
            this.distribution = distribution;
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/hooks", exchange -> {
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                long timestamp = Long.parseLong(exchange.getRequestHeaders().getFirst("webhook-timestamp"));
                String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                boolean accepted = calls.incrementAndGet() > refused;
                deliveries.add(new Delivery(
                        id,
                        timestamp,
                        signature,
                        body,
                        verifies(id, timestamp, signature, body),
                        accepted,
                        parse(body)));
                exchange.sendResponseHeaders(accepted ? 204 : 503, -1);
                exchange.close();
            });
            server.start();
            Http.Response created = Http.postJson(
                    distribution + "/api/subscriptions",
                    "eddie",
                    Map.of("url", "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks", "events", events));
            if (created.status() != 201) {
                server.stop(0);
                throw new IllegalStateException(created.body());
            }
            subscriptionId = created.json().path("id").asString();
            key = Base64.getDecoder()
                    .decode(created.json().path("secret").asString().substring("whsec_".length()));
        }

        /** Waits until the receiver has seen {@code types} for the article, in that order, and returns its requests. */
        List<Delivery> awaitTypes(String articleId, String... types) {
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(forArticle(articleId))
                            .extracting(Delivery::type)
                            .containsSubsequence(types));
            return forArticle(articleId);
        }

        /** Every request about the article so far: each signature verified, each webhook-id accepted exactly once. */
        List<Delivery> forArticle(String articleId) {
            List<Delivery> mine;
            synchronized (deliveries) {
                mine = deliveries.stream()
                        .filter(delivery -> articleId.equals(delivery.articleId()))
                        .toList();
            }
            assertThat(mine)
                    .allSatisfy(delivery -> assertThat(delivery.verified())
                            .as("signature of " + delivery.id())
                            .isTrue());
            assertThat(mine.stream()
                            .filter(Delivery::accepted)
                            .collect(Collectors.groupingBy(Delivery::id, Collectors.counting())))
                    .as("each webhook-id accepted exactly once")
                    .allSatisfy((id, count) -> assertThat(count).isEqualTo(1L));
            return mine;
        }

        /** The receiver's view of the types it got for the article, in arrival order. */
        List<String> types(String articleId) {
            return forArticle(articleId).stream().map(Delivery::type).toList();
        }

        /** The subscription's id at distribution. */
        String subscriptionId() {
            return subscriptionId;
        }

        /** How a receiver checks, knowing only the secret: HMAC-SHA256 of id.timestamp.body against each signature. */
        boolean verifies(String id, long timestamp, String signatures, String body) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                byte[] expected = ("v1,"
                                + Base64.getEncoder()
                                        .encodeToString(mac.doFinal(
                                                (id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8))))
                        .getBytes(StandardCharsets.UTF_8);
                for (String signature : signatures.split(" ")) {
                    if (MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8))) {
                        return true;
                    }
                }
                return false;
            } catch (Exception e) {
                return false;
            }
        }

        private static JsonNode parse(String body) {
            try {
                return Http.JSON.readTree(body);
            } catch (RuntimeException e) {
                return Http.JSON.createObjectNode();
            }
        }

        @Override
        public void close() throws Exception {
            server.stop(0);
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(distribution + "/api/subscriptions/" + subscriptionId))
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

    /**
     * Runs the example site once over the whole public topic into {@code out} (as its README runs it; a second run
     * into the same directory applies only what it has not seen) and returns a reader of the article's page.
     */
    static Function<String, String> buildSite(String distribution, String bootstrapServers, Path out) throws Exception {
        Dispatch dispatch = new Dispatch(
                new RecordVerifier(JwkSetSource.load(distribution + "/.well-known/jwks.json", Clock.systemUTC())),
                StaticSite.open(out));
        new SiteConsumer(
                        new SiteConsumer.Settings(bootstrapServers, Topics.PUBLISHED, null, true, new Properties()),
                        dispatch)
                .run();
        return slug -> {
            Path page = out.resolve(StaticSite.pagePath(slug));
            try {
                return Files.exists(page) ? Files.readString(page) : null;
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
