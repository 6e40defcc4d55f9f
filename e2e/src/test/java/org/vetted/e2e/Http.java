package org.vetted.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tiny HTTP client for the tests: Basic auth, JSON in and out, nothing hidden. */
final class Http {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Response(int status, String contentType, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    static Response get(String url, String user) {
        return get(url, user, demoPassword(user));
    }

    /** A GET signed in as {@code user} with {@code password} (HTTP Basic). */
    static Response get(String url, String user, String password) {
        return send(request(url, user, password)
                .GET()
                .header("Accept", "application/json, text/html")
                .build());
    }

    /** A GET with {@code Authorization: Bearer <token>}, as a metrics scraper sends it. */
    static Response getWithBearer(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build());
    }

    static Response post(String url, String user, String contentType, String body) {
        return post(url, user, demoPassword(user), contentType, body);
    }

    static Response post(String url, String user, String password, String contentType, String body) {
        return send(request(url, user, password)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
    }

    static Response postJson(String url, String user, Object body) {
        return postJson(url, user, demoPassword(user), body);
    }

    static Response postJson(String url, String user, String password, Object body) {
        return post(url, user, password, "application/json", JSON.writeValueAsString(body));
    }

    /** Demo accounts of the local profile: the password is "<user>-pass". */
    static String demoPassword(String user) {
        return user + "-pass";
    }

    private static HttpRequest.Builder request(String url, String user, String password) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            builder.header("Authorization", "Basic " + token);
        }
        return builder;
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response =
                    CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Http() {}
}
