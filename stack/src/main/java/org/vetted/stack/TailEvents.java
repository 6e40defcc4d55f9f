package org.vetted.stack;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Prints the committed events of a topic as a downstream consumer reads them, decoded with the contract. */
@Command(
        name = "tail",
        mixinStandardHelpOptions = true,
        description = "Prints the committed events of a topic (default article.published) from the beginning, "
                + "decoded, one per line: key, then the event. Exits when no record arrives for --idle.")
final class TailEvents implements Callable<Integer> {
    @Parameters(index = "0", defaultValue = Topics.PUBLISHED, description = "Topic (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(
            names = "--bootstrap-server",
            defaultValue = "localhost:9092",
            description = "Kafka (default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--max-messages", defaultValue = "2147483647", description = "Stop after this many records.")
    int maxMessages;

    @Option(
            names = "--idle",
            defaultValue = "PT5S",
            description = "Stop after this long without a record (default: ${DEFAULT-VALUE}).")
    Duration idle;

    @Override
    public Integer call() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "vetted-tail-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class);
        EventCatalog catalog = EventCatalog.standard();
        int printed = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long quietSince = System.nanoTime();
            while (printed < maxMessages && System.nanoTime() - quietSince < idle.toNanos()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, byte[]> record : records) {
                    quietSince = System.nanoTime();
                    System.out.println(record.key() + "\t" + describe(catalog, record.value()));
                    if (++printed >= maxMessages) {
                        break;
                    }
                }
            }
        }
        return 0;
    }

    private static String describe(EventCatalog catalog, byte[] value) {
        try {
            return catalog.decode(value).toString();
        } catch (IllegalArgumentException notAnEvent) {
            // Dead-letter topics hold whatever failed, undecodable bytes included.
            return "(" + value.length + " bytes, not an event: " + notAnEvent.getMessage() + ")";
        }
    }
}
