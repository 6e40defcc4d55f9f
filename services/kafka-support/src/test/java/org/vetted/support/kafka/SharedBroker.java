package org.vetted.support.kafka;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One single-node KRaft broker for this module's broker ITs, started by the first class that asks for it and stopped
 * when the test run ends: failsafe runs the ITs in one JVM, and each start costs seconds. Set up for transactions on
 * one node (the transaction log and the offsets replicated once). Each IT keeps to topics, groups and transactional
 * ids of its own, so none sees another's records.
 * <p>
 * Use: {@code @ExtendWith(SharedBroker.Extension.class)} on the class and a {@code SharedBroker} parameter on its
 * {@code @BeforeAll} method.
 */
public final class SharedBroker implements AutoCloseable {
    private final EmbeddedKafkaKraftBroker broker;

    private SharedBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of(
                "transaction.state.log.replication.factor",
                "1",
                "transaction.state.log.min.isr",
                "1",
                "offsets.topic.replication.factor",
                "1"));
        broker.afterPropertiesSet();
    }

    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    /** Topics of one partition made with the broker's defaults (as a broker makes a topic nobody configured). */
    public void createTopics(String... names) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(Arrays.stream(names)
                            .map(name -> new NewTopic(name, 1, (short) 1))
                            .toList())
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * A consumer of string keys and raw values in a group of its own that starts from the earliest offset and reads
     * with {@code isolation} ({@code read_committed}, as every service reads, or {@code read_uncommitted}).
     */
    public KafkaConsumer<String, byte[]> consumer(String isolation) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(config);
    }

    /** A {@code read_committed} consumer, as {@link #consumer(String)}. */
    public KafkaConsumer<String, byte[]> readCommitted() {
        return consumer("read_committed");
    }

    @Override
    public void close() {
        broker.destroy();
    }

    /** Resolves a {@link SharedBroker} parameter: the run's one broker, kept in the root store, which closes it. */
    public static final class Extension implements ParameterResolver {
        private static final ExtensionContext.Namespace NAMESPACE =
                ExtensionContext.Namespace.create(SharedBroker.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == SharedBroker.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot()
                    .getStore(NAMESPACE)
                    .computeIfAbsent(SharedBroker.class, type -> new SharedBroker(), SharedBroker.class);
        }
    }
}
