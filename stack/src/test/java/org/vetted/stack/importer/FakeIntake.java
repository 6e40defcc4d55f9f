package org.vetted.stack.importer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A small HTTP server answering POST /api/drafts as intake does: Basic sign-in, 202 with the article's id and revision,
 * 400 problem+json for a draft containing REFUSE, one 503 (Retry-After: 2) for a draft containing FLAKY, always 429
 * for OVERLOAD, and the Idempotency-Key ledger (the same key and request: 303 to the article; another request: 422).
 */
final class FakeIntake implements AutoCloseable {
    record Request(String key, String contentType, String query, String body) {}

    private record Made(String fingerprint, String articleId, int revision) {}

    private final HttpServer server;
    private final Map<String, Made> ledger = new HashMap<>();
    private final Map<String, Integer> articles = new HashMap<>();
    private final Set<String> failedOnce = new HashSet<>();
    final List<Request> requests = new ArrayList<>();

    FakeIntake() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/drafts", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized int revisionsMade() {
        return articles.values().stream().mapToInt(Integer::intValue).sum();
    }

    synchronized Map<String, Integer> articles() {
        return Map.copyOf(articles);
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        String query = exchange.getRequestURI().getRawQuery();
        requests.add(new Request(key, type, query, body));
        String expected =
                "Basic " + Base64.getEncoder().encodeToString("wanda:wanda-pass".getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            problem(exchange, 401, "{\"title\":\"Unauthorized\",\"status\":401}");
            return;
        }
        if (body.contains("OVERLOAD")) {
            problem(exchange, 429, "{\"title\":\"Too many requests\",\"detail\":\"Slow down.\"}");
            return;
        }
        if (body.contains("FLAKY") && failedOnce.add(key)) {
            exchange.getResponseHeaders().add("Retry-After", "2");
            problem(exchange, 503, "{\"title\":\"Submission not published\",\"detail\":\"Try again shortly.\"}");
            return;
        }
        String target = query == null ? null : query.replaceFirst("^articleId=", "");
        String fingerprint = type + "|" + target + "|" + body;
        if (key != null && ledger.containsKey(key)) {
            Made made = ledger.get(key);
            if (!made.fingerprint().equals(fingerprint)) {
                problem(
                        exchange,
                        422,
                        "{\"title\":\"Idempotency-Key reused\",\"errors\":[{\"field\":\"Idempotency-Key\","
                                + "\"reason\":\"was used for another request\"}]}");
                return;
            }
            exchange.getResponseHeaders().add("Location", "/api/articles/" + made.articleId());
            exchange.getResponseHeaders().add("Idempotent-Replayed", "true");
            exchange.sendResponseHeaders(303, -1);
            exchange.close();
            return;
        }
        if (body.contains("REFUSE")) {
            problem(
                    exchange,
                    400,
                    "{\"title\":\"Invalid draft\",\"detail\":\"The draft breaks 1 rule(s); see errors.\","
                            + "\"errors\":[{\"field\":\"body\",\"reason\":\"contains control character U+0007 at "
                            + "line 1, column 3\"}]}");
            return;
        }
        String articleId;
        if (target != null) {
            if (!articles.containsKey(target)) {
                problem(exchange, 404, "{\"title\":\"Unknown article\",\"detail\":\"There is no article.\"}");
                return;
            }
            articleId = target;
        } else {
            articleId = UUID.randomUUID().toString();
        }
        int revision = articles.merge(articleId, 1, Integer::sum);
        if (key != null) {
            ledger.put(key, new Made(fingerprint, articleId, revision));
        }
        byte[] json = ("{\"articleId\":\"" + articleId + "\",\"revision\":" + revision + ",\"slug\":\"s\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Location", "/api/articles/" + articleId);
        exchange.sendResponseHeaders(202, json.length);
        exchange.getResponseBody().write(json);
        exchange.close();
    }

    private static void problem(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
