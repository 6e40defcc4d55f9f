package org.vetted.e2e;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Producer settings for the tests that write straight to the topics. */
final class Producers {

    /**
     * An idempotent producer's settings with String keys: a retried send writes its record once, so the tests count
     * exactly what they sent. Mutable, for the caller's own additions.
     */
    static Map<String, Object> idempotent(String bootstrapServers, Class<? extends Serializer<?>> valueSerializer) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, valueSerializer);
        return config;
    }

    private Producers() {}
}
