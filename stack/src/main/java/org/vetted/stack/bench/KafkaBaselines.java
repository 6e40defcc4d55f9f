package org.vetted.stack.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the broker under the stack does for Kafka's own clients, at the size of an article event: the baselines the
 * pipeline's figures are divided by. Keys are random article-like ids, so records spread over the partitions as the
 * pipeline's do.
 */
final class KafkaBaselines {
    static final String PLAIN_PRODUCE = "kafka produce, acks=all";
    static final String TRANSACTIONAL_PRODUCE = "kafka produce, transactional (100 ms transactions)";
    static final String PER_RECORD_TRANSACTIONS = "kafka produce, one transaction per record";
    static final String CONSUME = "kafka consume, read_committed";

    private final String bootstrapServers;
    private final byte[] value;
    private final ClosedLoop.Window measured;
    private final Duration warmUp;
    private final Duration window;

    KafkaBaselines(String bootstrapServers, int recordBytes, ClosedLoop.Window measured) {
        this.bootstrapServers = bootstrapServers;
        this.value = new byte[recordBytes];
        new Random(19).nextBytes(value);
        this.measured = measured;
        this.warmUp = measured.warmUp();
        this.window = measured.length();
    }

    /** Creates {@code topic} with as many partitions as {@code like} has (the pipeline's topics), and one replica. */
    int createTopicLike(String topic, String like) throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            int partitions = admin.describeTopics(List.of(like))
                    .allTopicNames()
                    .get()
                    .get(like)
                    .partitions()
                    .size();
            try {
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                        .all()
                        .get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            return partitions;
        }
    }

    /** One producer with Kafka's defaults (acks=all, idempotent), sending as fast as the broker acknowledges. */
    Figure plainProduce(String topic) throws InterruptedException {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(null))) {
            long start = System.nanoTime();
            long measureFrom = start + warmUp.toNanos();
            long measureTo = measureFrom + window.toNanos();
            Latencies latencies = new Latencies();
            AtomicLong acked = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            AtomicReference<Exception> firstError = new AtomicReference<>();
            while (System.nanoTime() < measureTo) {
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(), value), (metadata, error) -> {
                    long done = System.nanoTime();
                    if (done < measureFrom || done > measureTo) {
                        return;
                    }
                    if (error != null) {
                        failed.incrementAndGet();
                        firstError.compareAndSet(null, error);
                    } else {
                        acked.incrementAndGet();
                        latencies.add(done - sent);
                    }
                });
            }
            producer.flush();
            return Figure.of(PLAIN_PRODUCE, "records", acked.get(), failed.get(), seconds(window), latencies, null);
        }
    }

    /**
     * One transactional producer (acks=all), committing every {@code every}: a record counts when its transaction
     * committed, its latency runs from its send to that commit.
     */
    Figure transactionalProduce(String topic, Duration every) {
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(producerConfig("vetted-bench-" + UUID.randomUUID()))) {
            producer.initTransactions();
            long start = System.nanoTime();
            long measureFrom = start + warmUp.toNanos();
            long measureTo = measureFrom + window.toNanos();
            Latencies latencies = new Latencies();
            long committed = 0;
            long[] sentAt = new long[1 << 16];
            while (System.nanoTime() < measureTo) {
                producer.beginTransaction();
                long commitAt = System.nanoTime() + every.toNanos();
                int inTransaction = 0;
                while (System.nanoTime() < commitAt) {
                    if (inTransaction == sentAt.length) {
                        sentAt = java.util.Arrays.copyOf(sentAt, inTransaction * 2);
                    }
                    sentAt[inTransaction++] = System.nanoTime();
                    producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(), value));
                }
                producer.commitTransaction();
                long done = System.nanoTime();
                if (done >= measureFrom && done <= measureTo) {
                    committed += inTransaction;
                    for (int i = 0; i < inTransaction; i++) {
                        latencies.add(done - sentAt[i]);
                    }
                }
            }
            return Figure.of(TRANSACTIONAL_PRODUCE, "records", committed, 0, seconds(window), latencies, null);
        }
    }

    /** Begin, send one record, commit, again: the shape of every write the services make today. */
    Figure perRecordTransactions(String topic) throws InterruptedException {
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(producerConfig("vetted-bench-" + UUID.randomUUID()))) {
            producer.initTransactions();
            ClosedLoop.Result result = ClosedLoop.run(1, measured, (client, sequence) -> {
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(), value));
                producer.commitTransaction();
            });
            return result.figure(PER_RECORD_TRANSACTIONS, "records", null);
        }
    }

    /** One consumer reading {@code topic} from its start to the end it had when the read began. */
    Figure consume(String topic) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long expected = 0;
            for (TopicPartition partition : partitions) {
                expected += ends.get(partition) - consumer.position(partition);
            }
            long start = System.nanoTime();
            long read = 0;
            long deadline = start + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.nanoTime() < deadline) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                read += records.count();
            }
            double seconds = Math.max(System.nanoTime() - start, 1) / 1e9;
            return Figure.of(CONSUME, "records", read, Math.max(expected - read, 0), seconds, null, null);
        }
    }

    private Map<String, Object> producerConfig(String transactionalId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        if (transactionalId != null) {
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        return config;
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
