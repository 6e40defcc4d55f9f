package org.vetted.stack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.vetted.contract.Topics;
import org.vetted.stack.PostgresServer;

/**
 * Review's queue at many open revisions: first drafts written to {@code article.draft-submitted} as intake writes
 * them (signed, {@link SignedDrafts}), until review's board holds that many open articles more, then pages of
 * {@code GET /api/reviews} read by reviewers who never pause.
 */
final class ReviewQueueLoad {
    /** The default order's pages, each read with the cursor the one before gave. */
    private static final String PAGED = "limit=25&cursor=";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The pages read: the default order, the riskiest first, a title search that matches nothing (each its first
     * page, again and again), and the default order paged through, each client following the {@code next} cursor
     * from the first page to the last and over again, so most pages are read for the first time.
     */
    static final String[][] PAGES = {
        {"oldest first", "limit=25"},
        {"riskiest first", "limit=25&sort=risk"},
        {"title search without a match", "limit=25&q=zzzz"},
        {"oldest first, paged through", PAGED},
    };

    private final String bootstrapServers;
    private final int dbPort;
    private final String reviewUrl;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    ReviewQueueLoad(String bootstrapServers, int dbPort, String reviewUrl) {
        this.bootstrapServers = bootstrapServers;
        this.dbPort = dbPort;
        this.reviewUrl = reviewUrl;
    }

    static String name(String page, int open, int clients) {
        return "http review queue page, " + page + ", " + open + " open, " + clients
                + (clients == 1 ? " client" : " clients");
    }

    /** Writes {@code articles} drafts and waits until review's board has them open; answers the open count. */
    int load(int articles, Duration timeout) throws InterruptedException {
        int before = openArticles();
        new SignedDrafts(bootstrapServers).write(Topics.DRAFT_SUBMITTED, articles, Instant.now());
        long deadline = System.nanoTime() + timeout.toNanos();
        int open;
        while ((open = openArticles()) < before + articles) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "review's queue reached " + open + " of " + (before + articles) + " open in " + timeout);
            }
            Thread.sleep(500);
        }
        return open;
    }

    ClosedLoop.Result read(String query, int clients, ClosedLoop.Window window) throws InterruptedException {
        // Each client's cursor of the next page to read, when paging through; none is the first page.
        String[] cursors = new String[clients];
        return ClosedLoop.run(clients, window, (client, sequence) -> {
            boolean paging = query.equals(PAGED);
            String asked = paging && cursors[client] != null ? query + cursors[client] : query;
            HttpRequest request = HttpRequest.newBuilder(URI.create(reviewUrl + "/api/reviews?" + asked))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", HttpIntakeLoad.basic("rita"))
                    .header("Accept", "application/json")
                    .GET()
                    .build();
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /api/reviews?" + asked + ": " + response.statusCode() + " "
                        + response.body()
                                .substring(0, Math.min(300, response.body().length())));
            }
            if (paging) {
                JsonNode next = JSON.readTree(response.body()).path("next");
                cursors[client] = next.isTextual() ? URLEncoder.encode(next.asText(), StandardCharsets.UTF_8) : null;
            }
        });
    }

    private int openArticles() {
        try (Connection connection = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + dbPort + "/review", PostgresServer.USER, "");
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select count(*) from review_article where open")) {
            row.next();
            return row.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count review's open articles: " + e.getMessage(), e);
        }
    }
}
