package org.vetted.stack.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writers submitting new drafts to intake's API, each client one of the local profile's demo writers, each draft a
 * new article (a short Markdown fixture with a few hedged claims, its title numbered).
 */
final class HttpIntakeLoad {
    /** The local profile's accounts that may write; the password of each is {@code <user>-pass}. */
    static final List<String> WRITERS = List.of("wanda", "walter", "dana");

    private final URI drafts;
    private final String fixture;
    private final HttpClient http;
    /** Every article a draft made, for the review step to decide. */
    private final Queue<String> articleIds = new ConcurrentLinkedQueue<>();

    HttpIntakeLoad(String intakeBaseUrl) {
        this.drafts = URI.create(intakeBaseUrl + "/api/drafts");
        this.fixture = fixture("draft.md");
        // One client for all: HTTP/1.1 keeps a pool of connections, one per concurrent request.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    static String name(int clients) {
        return "http intake drafts, " + clients + (clients == 1 ? " client" : " clients");
    }

    ClosedLoop.Result run(int clients, ClosedLoop.Window window) throws InterruptedException {
        return ClosedLoop.run(clients, window, (client, sequence) -> draft(client, client + "-" + sequence));
    }

    /** Submits one new article's draft as one of the demo writers; answers its article id. */
    String draft(int client, String number) throws Exception {
        String writer = WRITERS.get(client % WRITERS.size());
        HttpRequest request = HttpRequest.newBuilder(drafts)
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", basic(writer))
                .header("Content-Type", "text/markdown; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(fixture.replace("{n}", number), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("intake answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
        String location = response.headers()
                .firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("intake answered 202 without a Location"));
        String articleId = location.substring(location.lastIndexOf('/') + 1);
        articleIds.add(articleId);
        return articleId;
    }

    /** Submits drafts from {@code clients} writers until {@code count} more articles exist (not measured). */
    void submit(int count, int clients) throws InterruptedException {
        AtomicInteger left = new AtomicInteger(count);
        ClosedLoop.Result result =
                ClosedLoop.run(clients, ClosedLoop.Window.whole(Duration.ofMinutes(10)), (client, sequence) -> {
                    if (left.getAndDecrement() <= 0) {
                        throw new ClosedLoop.NoMoreWork();
                    }
                    draft(client, client + "-extra-" + sequence);
                });
        if (result.errors() > 0) {
            throw new IllegalStateException("drafts failed: " + result.firstError());
        }
    }

    /** The articles made so far, oldest first. */
    List<String> articleIds() {
        return List.copyOf(articleIds);
    }

    static String basic(String user) {
        return "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + user + "-pass").getBytes(StandardCharsets.UTF_8));
    }

    static String fixture(String name) {
        try (InputStream in = HttpIntakeLoad.class.getResourceAsStream("/bench/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture /bench/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
