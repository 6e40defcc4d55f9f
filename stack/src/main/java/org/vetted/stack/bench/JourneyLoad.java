package org.vetted.stack.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.vetted.contract.Topics;

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
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread reader;
    private final Map<String, CompletableFuture<Void>> awaited = new ConcurrentHashMap<>();

    JourneyLoad(String bootstrapServers, String intakeUrl, String reviewUrl) {
        this.intake = new HttpIntakeLoad(intakeUrl);
        this.review = new HttpReviewLoad(reviewUrl);
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.PUBLISHED).stream()
                .map(info -> new TopicPartition(Topics.PUBLISHED, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        reader = new Thread(this::read, "bench-journey-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static String name(int clients) {
        return "http whole journey (submit, every claim decided, sign-off, published), " + clients
                + (clients == 1 ? " writer" : " writers");
    }

    ClosedLoop.Result run(int clients, Duration warmUp, Duration window) throws InterruptedException {
        return ClosedLoop.run(clients, warmUp, window, (client, sequence) -> {
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

    private void read() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if (record.key() != null) {
                        // Published before its waiter registered is impossible: the waiter registers before sign-off.
                        CompletableFuture<Void> waiter = awaited.get(record.key());
                        if (waiter != null) {
                            waiter.complete(null);
                        }
                    }
                }
            }
        } catch (WakeupException closing) {
            // close() stops the reader.
        }
    }

    @Override
    public void close() {
        reader.interrupt();
        consumer.wakeup();
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close();
    }
}
