package org.vetted.stack.bench;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.vetted.contract.ContentHash;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.Signatures;
import org.vetted.events.Author;
import org.vetted.events.DraftSubmitted;

/**
 * Drafts as intake publishes them (a short article, its true content hash, signed with the local profile's demo
 * intake key), written in transactions of {@link #PER_TRANSACTION}: a history for a projection or a queue to read,
 * made much faster than through HTTP.
 */
final class SignedDrafts {
    static final int PER_TRANSACTION = 1_000;
    static final String TITLE = "Can a Short Afternoon Nap Help Your Memory?";

    private static final Signatures INTAKE = DemoKeys.signaturesOf(Issuer.INTAKE);

    private final EventCatalog catalog = EventCatalog.standard();
    private final String bootstrapServers;

    SignedDrafts(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Writes {@code count} new articles' first drafts to {@code topic}, submitted one millisecond apart from
     * {@code from}; answers, summed over the partitions, the offset after each partition's last record: where a
     * projection stands once it applied them all.
     */
    long write(String topic, int count, Instant from) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "vetted-bench-drafts-" + UUID.randomUUID());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        Map<Integer, Long> ends = new ConcurrentHashMap<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            producer.initTransactions();
            for (int i = 0; i < count; i += PER_TRANSACTION) {
                producer.beginTransaction();
                for (int j = i; j < Math.min(count, i + PER_TRANSACTION); j++) {
                    String articleId = "bench-" + UUID.randomUUID();
                    byte[] value = catalog.encode(draft(articleId, from.plusMillis(j)));
                    producer.send(new ProducerRecord<>(topic, articleId, value), (metadata, failed) -> {
                        if (failed == null) {
                            ends.merge(metadata.partition(), metadata.offset() + 1, Math::max);
                        }
                    });
                }
                producer.commitTransaction();
            }
        }
        return ends.values().stream().mapToLong(Long::longValue).sum();
    }

    /** One article's first draft, its content hash true and its signature intake's demo key's. */
    static DraftSubmitted draft(String articleId, Instant at) {
        DraftSubmitted draft = DraftSubmitted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setArticleId(articleId)
                .setRevision(1)
                .setSlug(articleId)
                .setTitle(TITLE)
                .setSummary(null)
                .setAuthors(List.of(new Author("walter", "Walter Webb")))
                .setTags(List.of("sleep"))
                .setBodyMarkdown("A short nap may help memory, a small study suggests.\n")
                .setContentHash("")
                .setClaims(List.of())
                .setExperts(List.of())
                .setWarnings(List.of())
                .setSubmittedAt(at)
                .build();
        draft.setContentHash(ContentHash.of(ContentHash.reviewed(draft)));
        return INTAKE.sign(draft);
    }
}
