package org.vetted.distribution.web.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.stream.binder.test.InputDestination;
import org.springframework.cloud.stream.binder.test.TestChannelBinderConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.Topics;
import org.vetted.distribution.Replay;
import org.vetted.distribution.Signed;
import org.vetted.distribution.domain.Articles;
import org.vetted.distribution.messaging.EventMapper;
import org.vetted.distribution.store.JdbcWebhookStore;
import org.vetted.events.ArticlePublished;
import org.vetted.support.projection.SharedProjection;
import org.vetted.support.projection.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The subscriptions API on a real port: editors only (401 anonymous, 403 a writer), 201 with the secret, listings
 * without it, rotation, the delivery log and replay, and every refusal as problem+json naming the field. A signed
 * publication read from the topic queues a delivery; an unsigned one does not.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "vetted.signing.demo-keys=true",
            "vetted.webhooks.dispatch=false",
            "vetted.webhooks.allow-http=false",
            "vetted.security.users[0].username=Eddie",
            "vetted.security.users[0].password={noop}eddie-pass",
            "vetted.security.users[0].roles=EDITOR",
            "vetted.security.users[1].username=wanda",
            "vetted.security.users[1].password={noop}wanda-pass",
            "vetted.security.users[1].roles=WRITER,MEDICAL_REVIEWER"
        })
@Import(TestChannelBinderConfiguration.class)
@ActiveProfiles("test")
class SubscriptionApiTest {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String EDDIE = "eddie:eddie-pass";
    static final String WANDA = "wanda:wanda-pass";
    static final String VALID = "{\"url\":\"https://93.184.215.14/hooks\",\"events\":[\"article.published\"]}";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    InputDestination input;

    @Autowired
    JdbcWebhookStore store;

    @Autowired
    SharedProjection pages;

    /** Like the rest of /api, the subscriptions API waits for the pages to catch up at start. */
    @BeforeEach
    void replayIsOver() {
        Replay.markCaughtUp(pages);
    }

    HttpResponse<String> call(String method, String path, String credentials, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    @Test
    void anEditorSubscribesAndGetsTheSecretOnce() throws Exception {
        HttpResponse<String> created = call("POST", "/api/subscriptions", EDDIE, VALID);

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode subscription = json(created);
        String secret = subscription.get("secret").asString();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(subscription.get("createdBy").asString()).isEqualTo("eddie");
        assertThat(subscription.get("events").get(0).asString()).isEqualTo("article.published");
        String id = subscription.get("id").asString();
        assertThat(created.headers().firstValue("Location")).contains("/api/subscriptions/" + id);

        HttpResponse<String> listed = call("GET", "/api/subscriptions", EDDIE, null);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains(id).doesNotContain("whsec_").doesNotContain("secret\"");

        HttpResponse<String> rotated = call("POST", "/api/subscriptions/" + id + "/secret", EDDIE, null);
        assertThat(rotated.statusCode()).isEqualTo(200);
        assertThat(json(rotated).get("secret").asString()).startsWith("whsec_").isNotEqualTo(secret);
        assertThat(json(rotated).get("previousSecretValidUntil").asString()).isNotBlank();

        HttpResponse<String> log = call("GET", "/api/subscriptions/" + id + "/deliveries?page=1&size=10", EDDIE, null);
        assertThat(log.statusCode()).isEqualTo(200);
        assertThat(json(log).get("deliveries").size()).isZero();

        assertThat(call("DELETE", "/api/subscriptions/" + id, EDDIE, null).statusCode())
                .isEqualTo(204);
        assertThat(call("GET", "/api/subscriptions/" + id, EDDIE, null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void onlyEditorsAreLetIn() throws Exception {
        HttpResponse<String> writer = call("POST", "/api/subscriptions", WANDA, VALID);
        assertThat(writer.statusCode()).isEqualTo(403);
        assertThat(writer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(call("GET", "/api/subscriptions", WANDA, null).statusCode()).isEqualTo(403);

        HttpResponse<String> anonymous = call("POST", "/api/subscriptions", null, VALID);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
        assertThat(call("GET", "/api/subscriptions", "eddie:wrong", null).statusCode())
                .isEqualTo(401);
        // The public site stays open.
        assertThat(call("GET", "/.well-known/jwks.json", null, null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void badInputIsAProblemNamingTheField() throws Exception {
        assertProblem(
                call(
                        "POST",
                        "/api/subscriptions",
                        EDDIE,
                        "{\"url\":\"http://93.184.215.14/h\",\"events\":[\"article.published\"]}"),
                "url",
                "https");
        assertProblem(
                call(
                        "POST",
                        "/api/subscriptions",
                        EDDIE,
                        "{\"url\":\"https://10.1.2.3/h\",\"events\":[\"article.published\"]}"),
                "url",
                "private");
        assertProblem(
                call(
                        "POST",
                        "/api/subscriptions",
                        EDDIE,
                        "{\"url\":\"https://169.254.169.254/latest\",\"events\":[\"article.published\"]}"),
                "url",
                "link-local");
        assertProblem(
                call(
                        "POST",
                        "/api/subscriptions",
                        EDDIE,
                        "{\"url\":\"https://[::ffff:127.0.0.1]/h\",\"events\":[\"article.published\"]}"),
                "url",
                "loopback");
        assertProblem(
                call(
                        "POST",
                        "/api/subscriptions",
                        EDDIE,
                        "{\"url\":\"https://2130706433/h\",\"events\":[\"article.published\"]}"),
                "url",
                "a.b.c.d");
        assertProblem(
                call(
                        "POST",
                        "/api/subscriptions",
                        EDDIE,
                        "{\"url\":\"https://93.184.215.14/h\",\"events\":[\"article.deleted\"]}"),
                "events",
                "article.deleted");
        assertProblem(
                call("POST", "/api/subscriptions", EDDIE, "{\"url\":\"https://93.184.215.14/h\"}"),
                "events",
                "at least one");
        assertProblem(call("POST", "/api/subscriptions", EDDIE, "[1,2]"), "body", "JSON object");
        assertProblem(
                call(
                        "POST",
                        "/api/subscriptions",
                        EDDIE,
                        "{\"url\":\"https://93.184.215.14/" + "a".repeat(20_000) + "\"}"),
                "body",
                "too large");
        assertProblem(
                call("GET", "/api/subscriptions/" + UUID.randomUUID() + "/deliveries?size=1000", EDDIE, null),
                "size",
                "1 to 100");
        assertProblem(call("GET", "/api/subscriptions/not-a-uuid/deliveries", EDDIE, null), "id", "UUID");
        assertThat(call(
                                "POST",
                                "/api/subscriptions/" + UUID.randomUUID() + "/deliveries/" + UUID.randomUUID()
                                        + "/replay",
                                EDDIE,
                                null)
                        .statusCode())
                .isEqualTo(404);
    }

    private static void assertProblem(HttpResponse<String> response, String field, String reason) {
        assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode errors = json(response).get("errors");
        assertThat(errors).as(response.body()).isNotNull();
        assertThat(errors.get(0).get("field").asString()).isEqualTo(field);
        assertThat(errors.get(0).get("reason").asString()).contains(reason);
        assertThat(response.body()).doesNotContain("Exception", "at org.");
    }

    @Test
    void aSignedPublicationFromTheTopicIsQueuedAndAnUnsignedOneIsNot() throws Exception {
        HttpResponse<String> created = call("POST", "/api/subscriptions", EDDIE, VALID);
        UUID id = UUID.fromString(json(created).get("id").asString());
        Instant after = Instant.now().plusSeconds(5);

        ArticlePublished signed = (ArticlePublished)
                EventMapper.toEvent(Signed.publication(Articles.published("hook-1", 1, "hook-one", "Hook one", after)));
        ArticlePublished unsigned =
                (ArticlePublished) EventMapper.toEvent(Articles.published("hook-2", 1, "hook-two", "Hook two", after));
        for (ArticlePublished event : List.of(unsigned, signed, signed)) {
            // As Kafka carries it: the encoded value (the binding reads raw bytes).
            input.send(
                    MessageBuilder.withPayload(EventCatalog.standard().encode(event))
                            .setHeader(KafkaHeaders.KEY, event.getArticleId())
                            .build(),
                    Topics.PUBLISHED);
        }

        assertThat(store.log(id, 0, 10)).singleElement().satisfies(delivery -> {
            assertThat(delivery.articleId()).isEqualTo("hook-1");
            assertThat(delivery.webhookId()).startsWith("msg_").doesNotContain(".");
        });
    }
}
