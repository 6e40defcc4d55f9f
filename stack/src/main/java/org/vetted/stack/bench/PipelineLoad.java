package org.vetted.stack.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.vetted.contract.ContentHash;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.Topics;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.Signatures;
import org.vetted.events.Approval;
import org.vetted.events.ArticleApproved;
import org.vetted.events.Author;
import org.vetted.events.Reviewer;

/**
 * The event pipeline alone: approvals written to {@code article.approved} as review writes them (signed with the
 * local profile's demo review key, one transaction each), through rendering and distribution, timed until each
 * article's record is read from {@code article.published} (read_committed).
 */
final class PipelineLoad implements AutoCloseable {
    static final String FULL_RATE = "pipeline approved→published, full rate";
    static final String HALF_RATE = "pipeline approved→published, half rate";
    static final String BACKLOG = "pipeline approved→published, backlog";

    private static final Signatures REVIEW = DemoKeys.signaturesOf(Issuer.REVIEW);
    private static final Reviewer REVIEWER = new Reviewer("rita", "Rita Reyes", "MD");
    private static final String TITLE = "Can a Short Afternoon Nap Help Your Memory?";
    private static final Duration NOTHING_PUBLISHED = Duration.ofSeconds(60);

    private final EventCatalog catalog = EventCatalog.standard();
    private final String body;
    private final KafkaProducer<String, byte[]> producer;
    private final PublishedReader reader;
    /** Article id → when it was (or should have been) injected, until it is published. */
    private final Map<String, Long> pending = new ConcurrentHashMap<>();

    private volatile Completion onPublished = (articleId, injectedAt, publishedAt) -> {};

    private interface Completion {
        void published(String articleId, long injectedAt, long publishedAt);
    }

    PipelineLoad(String bootstrapServers) {
        this.body = articleBody();
        Map<String, Object> producerConfig = new HashMap<>();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "vetted-bench-approvals-" + UUID.randomUUID());
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer = new KafkaProducer<>(producerConfig);
        producer.initTransactions();
        reader = new PublishedReader(bootstrapServers, "bench-published-reader", (articleId, readAt) -> {
            Long injectedAt = pending.remove(articleId);
            if (injectedAt != null) {
                onPublished.published(articleId, injectedAt, readAt);
            }
        });
    }

    /**
     * Keeps {@code inFlight} articles between approval and publication for a warm-up and a window: the most the
     * pipeline carries. Publications inside the window count, with their latency from their approval.
     */
    Figure fullRate(int inFlight, ClosedLoop.Window window, String baseline) throws InterruptedException {
        Semaphore slots = new Semaphore(inFlight);
        long measureFrom = System.nanoTime() + window.warmUp().toNanos();
        long windowEnd = measureFrom + window.length().toNanos();
        long longest = windowEnd + ClosedLoop.LONGEST_EXTENSION.toNanos();
        int atLeast = window.minOperations();
        // Open-ended while --min-operations is not reached, then closed where it stands.
        AtomicLong measureTo = new AtomicLong(atLeast > 0 ? Long.MAX_VALUE : windowEnd);
        Latencies latencies = new Latencies();
        AtomicLong published = new AtomicLong();
        onPublished = (articleId, injectedAt, publishedAt) -> {
            slots.release();
            if (publishedAt >= measureFrom && publishedAt <= measureTo.get()) {
                published.incrementAndGet();
                latencies.add(publishedAt - injectedAt);
            }
        };
        long now;
        while ((now = System.nanoTime()) < measureTo.get()) {
            if (now >= windowEnd && (published.get() >= atLeast || now >= longest)) {
                measureTo.set(now);
                break;
            }
            if (!slots.tryAcquire(NOTHING_PUBLISHED.toSeconds(), TimeUnit.SECONDS)) {
                throw nothingPublished();
            }
            inject(System.nanoTime());
        }
        drain(Duration.ofSeconds(60));
        return Figure.of(
                FULL_RATE + " (" + inFlight + " in flight)",
                "articles",
                published.get(),
                0,
                (measureTo.get() - measureFrom) / 1e9,
                latencies,
                baseline);
    }

    /**
     * Approvals at a steady {@code perSecond} for the window, then waits for them all: the latency of an article when
     * the pipeline is not saturated. Latency runs from each approval's scheduled time, so a stalled injection does
     * not hide a wait.
     */
    Figure fixedRate(String name, double perSecond, Duration window, String baseline) throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicLong published = new AtomicLong();
        onPublished = (articleId, injectedAt, publishedAt) -> {
            published.incrementAndGet();
            latencies.add(publishedAt - injectedAt);
        };
        long interval = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        long end = start + window.toNanos();
        for (long due = start; due < end; due += interval) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            inject(due);
        }
        int missing = drain(Duration.ofSeconds(60));
        // Articles not published within a minute of the last approval count as errors.
        return Figure.of(name, "articles", published.get(), missing, window.toNanos() / 1e9, latencies, baseline);
    }

    /**
     * A backlog: {@code count} approvals written in one transaction, so rendering sees none of them before all are
     * there (read_committed), then drained through rendering and distribution with full polls. The rate is the
     * articles over the time from the commit to the last one read on {@code article.published}; each latency runs
     * from the commit too, so p99 is about the time to drain.
     */
    Figure backlog(int count, String baseline) throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicLong published = new AtomicLong();
        AtomicLong last = new AtomicLong();
        AtomicLong committedAt = new AtomicLong();
        onPublished = (articleId, injectedAt, publishedAt) -> {
            published.incrementAndGet();
            latencies.add(publishedAt - committedAt.get());
            last.accumulateAndGet(publishedAt, Math::max);
        };
        // Signed and encoded before the transaction begins: what is timed is the pipeline, not the bench's signing.
        Map<String, byte[]> approvals = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String articleId = "bench-" + UUID.randomUUID();
            approvals.put(articleId, catalog.encode(approval(articleId)));
        }
        producer.beginTransaction();
        approvals.forEach((articleId, value) -> {
            pending.put(articleId, 0L);
            producer.send(new ProducerRecord<>(Topics.APPROVED, articleId, value));
        });
        producer.flush();
        // From the commit's request: no approval of the backlog is readable before it.
        committedAt.set(System.nanoTime());
        producer.commitTransaction();
        int missing = drain(NOTHING_PUBLISHED.plusMillis(50L * count));
        long end = published.get() > 0 ? last.get() : System.nanoTime();
        return Figure.of(
                BACKLOG + " of " + count + " drained",
                "articles",
                published.get(),
                missing,
                Math.max(end - committedAt.get(), 1) / 1e9,
                latencies,
                baseline);
    }

    private void inject(long injectedAt) {
        String articleId = "bench-" + UUID.randomUUID();
        byte[] value = catalog.encode(approval(articleId));
        pending.put(articleId, injectedAt);
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(Topics.APPROVED, articleId, value));
        producer.commitTransaction();
    }

    /** Waits until every injected article is published, at most {@code timeout}; answers how many were not. */
    private int drain(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        int missing = pending.size();
        pending.clear();
        return missing;
    }

    private IllegalStateException nothingPublished() {
        return new IllegalStateException("no article reached " + Topics.PUBLISHED + " within " + NOTHING_PUBLISHED
                + ": look at the dead-letter topics " + Topics.deadLetter(Topics.APPROVED, "rendering") + " and "
                + Topics.deadLetter(Topics.RENDERED, "distribution") + " (java -jar stack/target/stack.jar tail ...)");
    }

    /** An approval as review issues it: the content hash of the approved text, signed, then the event signed. */
    private ArticleApproved approval(String articleId) {
        Approval approval = Approval.newBuilder()
                .setRevision(1)
                .setContentHash(ContentHash.of(new ContentHash.Reviewed(
                        articleId,
                        TITLE,
                        null,
                        body,
                        List.of(),
                        List.of(new ContentHash.Credit("walter", "Walter Webb")))))
                .setSignedOffBy(REVIEWER)
                .setClaimReviewers(List.of(REVIEWER))
                .setApprovedAt(Instant.now())
                .setSeal(null)
                .build();
        REVIEW.signApproval(articleId, approval);
        ArticleApproved approved = ArticleApproved.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setArticleId(articleId)
                .setSlug(articleId)
                .setTitle(TITLE)
                .setSummary(null)
                .setAuthors(List.of(new Author("walter", "Walter Webb")))
                .setTags(List.of())
                .setBodyMarkdown(body)
                .setClaims(List.of())
                .setExperts(List.of())
                .setApproval(approval)
                .setComment(null)
                .build();
        return REVIEW.sign(approved);
    }

    /** The fixture's text without its front matter, three times over: an approved article event of about 4 KiB. */
    private static String articleBody() {
        String fixture = HttpIntakeLoad.fixture("draft.md");
        String text = fixture.substring(fixture.indexOf("\n---\n", 4) + 5);
        return text + "\n" + text + "\n" + text;
    }

    @Override
    public void close() {
        reader.close();
        producer.close();
    }
}
