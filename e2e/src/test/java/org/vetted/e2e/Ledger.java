package org.vetted.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.Topics;
import org.vetted.events.ArticleApproved;
import org.vetted.events.ArticlePublished;

/**
 * An independent record of what the pipeline committed, kept by a {@code read_committed} consumer of its own (no
 * service's code): every approval, every publication and every dead letter, with when it was seen. The fault rig's
 * figures come from here, not from what the services or the load believe happened.
 */
final class Ledger implements AutoCloseable {
    /** One approval or publication: an article revision and the hash of its text. */
    record Revision(String articleId, int revision, String contentHash) {
        String key() {
            return articleId + "#" + revision;
        }
    }

    record DeadLetter(String topic, String key, byte[] value) {}

    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread reader;
    private volatile boolean running = true;
    private final Map<String, List<Revision>> approvals = new ConcurrentHashMap<>();
    private final Map<String, List<Revision>> publications = new ConcurrentHashMap<>();
    /** When each article revision's first publication was seen (System.nanoTime). */
    private final Map<String, Long> publishedAt = new ConcurrentHashMap<>();

    private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong undecodable = new AtomicLong();

    Ledger(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "fault-rig-ledger-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Dead-letter topics appear during the run: find them soon after.
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 3000);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumer = new KafkaConsumer<>(config);
        consumer.subscribe(Pattern.compile("article\\..*"));
        reader = new Thread(this::read, "fault-rig-ledger");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        while (running) {
            try {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    take(record);
                }
                if (caughtUpWanted) {
                    checkCaughtUp();
                }
            } catch (WakeupException stopping) {
                return;
            } catch (RuntimeException brokerTrouble) {
                // Brokers are killed on purpose: the consumer reconnects on the next poll.
                sleep(500);
            }
        }
    }

    private void take(ConsumerRecord<String, byte[]> record) {
        // The ledger commits no offsets, so a rebalance (a broker restarted) can hand it records it has seen:
        // each record counts once, by where it sits in the log.
        if (!seen.add(record.topic() + "/" + record.partition() + "/" + record.offset())) {
            return;
        }
        if (record.topic().endsWith(".dlt")) {
            deadLetters.add(new DeadLetter(record.topic(), record.key(), record.value()));
            return;
        }
        events.incrementAndGet();
        Object event;
        try {
            event = EventCatalog.standard().decode(record.value());
        } catch (RuntimeException poison) {
            undecodable.incrementAndGet();
            return;
        }
        if (record.topic().equals(Topics.APPROVED) && event instanceof ArticleApproved approved) {
            Revision revision = new Revision(
                    approved.getArticleId(),
                    approved.getApproval().getRevision(),
                    approved.getApproval().getContentHash());
            approvals
                    .computeIfAbsent(revision.key(), key -> new CopyOnWriteArrayList<>())
                    .add(revision);
        } else if (record.topic().equals(Topics.PUBLISHED) && event instanceof ArticlePublished published) {
            Revision revision =
                    new Revision(published.getArticleId(), published.getRevision(), published.getContentHash());
            publications
                    .computeIfAbsent(revision.key(), key -> new CopyOnWriteArrayList<>())
                    .add(revision);
            publishedAt.putIfAbsent(revision.key(), System.nanoTime());
        }
    }

    /**
     * Whether, on the last poll, this reader held every partition of every topic it follows and had read each to its
     * end: once the load has stopped, the ledger then holds everything that was committed.
     */
    boolean caughtUp() {
        // Asked for only at the end: from now on each poll also compares positions with the ends (metadata I/O).
        caughtUpWanted = true;
        return caughtUp;
    }

    private volatile boolean caughtUpWanted;
    private volatile boolean caughtUp;

    private void checkCaughtUp() {
        Set<TopicPartition> assigned = consumer.assignment();
        long partitions = consumer.listTopics(Duration.ofSeconds(5)).entrySet().stream()
                .filter(topic -> topic.getKey().startsWith("article."))
                .mapToLong(topic -> topic.getValue().size())
                .sum();
        if (assigned.size() < partitions) {
            caughtUp = false;
            return;
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(assigned, Duration.ofSeconds(5));
        caughtUp = assigned.stream().allMatch(partition -> consumer.position(partition) >= end.get(partition));
    }

    /** Records seen on the article topics (dead letters not counted). */
    long events() {
        return events.get();
    }

    boolean isPublished(String articleId, int revision) {
        return publishedAt.containsKey(articleId + "#" + revision);
    }

    /** When the revision's first publication was seen, in System.nanoTime, or null. */
    Long publishedAt(String articleId, int revision) {
        return publishedAt.get(articleId + "#" + revision);
    }

    boolean wasApproved(String articleId) {
        return approvals.keySet().stream().anyMatch(key -> key.startsWith(articleId + "#"));
    }

    boolean wasPublished(String articleId) {
        return publications.keySet().stream().anyMatch(key -> key.startsWith(articleId + "#"));
    }

    int approvedRevisions() {
        return approvals.size();
    }

    int publishedRevisions() {
        return publications.size();
    }

    /** Approved revisions with no publication of the same revision and hash. */
    List<String> lost() {
        List<String> lost = new ArrayList<>();
        approvals.forEach((key, approved) -> {
            List<Revision> published = publications.getOrDefault(key, List.of());
            if (published.stream()
                    .noneMatch(revision ->
                            revision.contentHash().equals(approved.get(0).contentHash()))) {
                lost.add(key);
            }
        });
        return lost;
    }

    /** Publications beyond the first of the same article revision. */
    List<String> duplicates() {
        List<String> duplicates = new ArrayList<>();
        publications.forEach((key, published) -> {
            for (int i = 1; i < published.size(); i++) {
                duplicates.add(key);
            }
        });
        return duplicates;
    }

    /** Publications whose revision was never approved, or approved with another hash. */
    List<String> withoutApproval() {
        List<String> unapproved = new ArrayList<>();
        publications.forEach((key, published) -> {
            Set<String> approvedHashes = Set.copyOf(approvals.getOrDefault(key, List.of()).stream()
                    .map(Revision::contentHash)
                    .toList());
            for (Revision revision : published) {
                if (!approvedHashes.contains(revision.contentHash())) {
                    unapproved.add(key);
                }
            }
        });
        return unapproved;
    }

    /** Whether a dead letter on {@code topic} carries exactly these bytes. */
    boolean deadLettered(String topic, byte[] value) {
        return deadLetters.stream()
                .anyMatch(letter -> letter.topic().equals(topic) && Arrays.equals(letter.value(), value));
    }

    int deadLetterCount() {
        return deadLetters.size();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            reader.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close(Duration.ofSeconds(5));
    }
}
