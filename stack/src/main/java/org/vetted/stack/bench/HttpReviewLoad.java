package org.vetted.stack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Medical reviewers deciding the claims of the drafts the intake step made, as the API takes them: every claim
 * approved by rita, a high-risk one (four eyes) by paul too, then the article signed off by rita. Each client takes a
 * whole article at a time, so no two clients decide on one article at once, as reviewers split a queue.
 */
final class HttpReviewLoad {
    static final String FIRST_REVIEWER = "rita";
    static final String SECOND_REVIEWER = "paul";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Decision(String claimId, String reviewer) {}

    /** An article under review, its decisions still to make, and what its sign-off names. */
    private static final class Article {
        final String id;
        final int revision;
        final String contentHash;
        final Queue<Decision> decisions = new ConcurrentLinkedQueue<>();

        Article(String id, int revision, String contentHash) {
            this.id = id;
            this.revision = revision;
            this.contentHash = contentHash;
        }
    }

    private final String reviewUrl;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Queue<Article> toDecide = new ConcurrentLinkedQueue<>();
    private final Queue<Article> toSignOff = new ConcurrentLinkedQueue<>();
    private int claims;

    HttpReviewLoad(String reviewUrl) {
        this.reviewUrl = reviewUrl;
    }

    static String decisionsName(int clients) {
        return "http review claim decisions, " + clients + (clients == 1 ? " client" : " clients");
    }

    static String signOffsName(int clients) {
        return "http review sign-offs, " + clients + (clients == 1 ? " client" : " clients");
    }

    /**
     * Reads each article as review shows it once its draft arrived there, within {@code timeout} overall; answers how
     * many decisions there are to make.
     */
    int prepare(Collection<String> articleIds, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String articleId : articleIds) {
            Article article = read(articleId, deadline, timeout);
            claims += article.decisions.size();
            toDecide.add(article);
        }
        return claims;
    }

    /** Reads an article as review shows it once its draft arrived there (waiting until {@code deadline}). */
    private Article read(String articleId, long deadline, Duration timeout) throws Exception {
        HttpResponse<String> response;
        while ((response = send(get("/api/reviews/" + articleId, FIRST_REVIEWER))).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("review did not show " + articleId + " within " + timeout
                        + " (last answer " + response.statusCode() + ")");
            }
            Thread.sleep(50);
        }
        JsonNode review = JSON.readTree(response.body());
        Article article = new Article(
                articleId,
                review.path("revision").asInt(),
                review.path("contentHash").asText());
        for (JsonNode claim : review.path("claims")) {
            String claimId = claim.path("id").asText();
            article.decisions.add(new Decision(claimId, FIRST_REVIEWER));
            if (claim.path("approvalsNeeded").asInt() == 2) {
                article.decisions.add(new Decision(claimId, SECOND_REVIEWER));
            }
        }
        return article;
    }

    /**
     * One article's whole review, as two reviewers do it: waits until review shows it, decides every claim (rita,
     * and paul on the four-eyes ones), then rita signs it off.
     */
    void reviewWhole(String articleId, Duration timeout) throws Exception {
        Article article = read(articleId, System.nanoTime() + timeout.toNanos(), timeout);
        Decision decision;
        while ((decision = article.decisions.poll()) != null) {
            decide(article, decision);
        }
        signOff(article);
    }

    /** Claim decisions by {@code clients} reviewers; an article whose claims are all decided waits for sign-off. */
    ClosedLoop.Result decide(int clients, ClosedLoop.Window window) throws InterruptedException {
        List<Article> current = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            current.add(null);
        }
        return ClosedLoop.run(clients, window, (client, sequence) -> {
            Article article = current.get(client);
            while (article == null || article.decisions.isEmpty()) {
                if (article != null) {
                    toSignOff.add(article);
                }
                article = toDecide.poll();
                synchronized (current) {
                    current.set(client, article);
                }
                if (article == null) {
                    throw new ClosedLoop.NoMoreWork();
                }
            }
            decide(article, article.decisions.poll());
            if (article.decisions.isEmpty()) {
                toSignOff.add(article);
                synchronized (current) {
                    current.set(client, null);
                }
            }
        });
    }

    /**
     * Decides every remaining claim of articles (unmeasured, {@code clients} at a time) until {@code count} articles
     * wait for sign-off, or none is left to decide.
     */
    void prepareSignOffs(int count, int clients) throws InterruptedException {
        List<Article> current = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            current.add(null);
        }
        ClosedLoop.Result result =
                ClosedLoop.run(clients, ClosedLoop.Window.whole(Duration.ofMinutes(10)), (client, sequence) -> {
                    Article article = current.get(client);
                    if (article == null || article.decisions.isEmpty()) {
                        if (article != null) {
                            toSignOff.add(article);
                        }
                        synchronized (current) {
                            current.set(client, null);
                        }
                        article = toSignOff.size() + busy(current) >= count ? null : toDecide.poll();
                        synchronized (current) {
                            current.set(client, article);
                        }
                        if (article == null) {
                            throw new ClosedLoop.NoMoreWork();
                        }
                    }
                    Decision decision = article.decisions.poll();
                    if (decision != null) {
                        decide(article, decision);
                    }
                    if (article.decisions.isEmpty()) {
                        toSignOff.add(article);
                        synchronized (current) {
                            current.set(client, null);
                        }
                    }
                });
        if (result.errors() > 0) {
            throw new IllegalStateException("claim decisions failed: " + result.firstError());
        }
    }

    private static int busy(List<Article> current) {
        synchronized (current) {
            return (int) current.stream().filter(java.util.Objects::nonNull).count();
        }
    }

    /** Sign-offs (APPROVE, naming the content hash) of the articles whose claims are all decided. */
    ClosedLoop.Result signOff(int clients, ClosedLoop.Window window) throws InterruptedException {
        return ClosedLoop.run(clients, window, (client, sequence) -> {
            Article article = toSignOff.poll();
            if (article == null) {
                throw new ClosedLoop.NoMoreWork();
            }
            signOff(article);
        });
    }

    private void signOff(Article article) throws Exception {
        HttpResponse<String> response = send(post(
                "/api/reviews/" + article.id + "/decision",
                FIRST_REVIEWER,
                Map.of(
                        "decision", "APPROVE",
                        "comment", "Signed off by the bench.",
                        "contentHash", article.contentHash)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "review answered " + response.statusCode() + " to a sign-off: " + abbreviated(response));
        }
    }

    private void decide(Article article, Decision decision) throws Exception {
        HttpResponse<String> response = send(post(
                "/api/reviews/" + article.id + "/claims/" + decision.claimId(),
                decision.reviewer(),
                Map.of(
                        "decision", "APPROVED",
                        "comment", "Checked against the cited trials.",
                        "reference", "https://example.org/nap-review",
                        "revision", article.revision)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "review answered " + response.statusCode() + " to a claim decision: " + abbreviated(response));
        }
    }

    int awaitingSignOff() {
        return toSignOff.size();
    }

    private HttpRequest get(String path, String user) {
        return HttpRequest.newBuilder(URI.create(reviewUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", HttpIntakeLoad.basic(user))
                .header("Accept", "application/json")
                .GET()
                .build();
    }

    private HttpRequest post(String path, String user, Map<String, Object> body) throws Exception {
        return HttpRequest.newBuilder(URI.create(reviewUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", HttpIntakeLoad.basic(user))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
                .build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String abbreviated(HttpResponse<String> response) {
        return response.body().substring(0, Math.min(300, response.body().length()));
    }
}
