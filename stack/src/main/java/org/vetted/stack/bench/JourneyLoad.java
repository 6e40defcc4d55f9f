package org.vetted.stack.bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The whole journey through HTTP, one article per operation: a writer submits a draft to intake, review shows it,
 * rita decides every claim (paul the four-eyes ones too) and signs it off, and the article is published: its record
 * read (read_committed) on {@code article.published}, where the page is served from. Each client is a writer with
 * its two reviewers, taking one article through at a time.
 */
final class JourneyLoad implements AutoCloseable {
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(120);

    private final HttpIntakeLoad intake;
    private final HttpReviewLoad review;
    private final PublishedReader reader;
    private final Map<String, CompletableFuture<Void>> awaited = new ConcurrentHashMap<>();

    JourneyLoad(String bootstrapServers, String intakeUrl, String reviewUrl) {
        this.intake = new HttpIntakeLoad(intakeUrl);
        this.review = new HttpReviewLoad(reviewUrl);
        this.reader = new PublishedReader(bootstrapServers, "bench-journey-reader", (articleId, readAt) -> {
            // Published before its waiter registered is impossible: the waiter registers before sign-off.
            CompletableFuture<Void> waiter = awaited.get(articleId);
            if (waiter != null) {
                waiter.complete(null);
            }
        });
    }

    static String name(int clients) {
        return "http whole journey (submit, every claim decided, sign-off, published), " + clients
                + (clients == 1 ? " writer" : " writers");
    }

    ClosedLoop.Result run(int clients, ClosedLoop.Window window) throws InterruptedException {
        return ClosedLoop.run(clients, window, (client, sequence) -> {
            String articleId = intake.draft(client, "journey-" + client + "-" + sequence);
            CompletableFuture<Void> published = awaited.computeIfAbsent(articleId, id -> new CompletableFuture<>());
            review.reviewWhole(articleId, STEP_TIMEOUT);
            try {
                published.get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } finally {
                awaited.remove(articleId);
            }
        });
    }

    @Override
    public void close() {
        reader.close();
    }
}
