package org.vetted.e2e;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The journey on a real KRaft broker started in this JVM: the path that needs no Docker. */
class EmbeddedKafkaPipelineIT extends PipelineScenarios {
    private EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    void start() throws Exception {
        broker = startBroker();
        startServices(broker.getBrokersAsString());
    }

    /** A single KRaft broker in this JVM, 3 partitions per topic, set up as the stack's broker is. */
    static EmbeddedKafkaKraftBroker startBroker() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperties(Map.of(
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1",
                "group.initial.rebalance.delay.ms", "0",
                // As on the stack's brokers: topics only as the services create them, never with broker defaults.
                "auto.create.topics.enable", "false"));
        broker.afterPropertiesSet();
        return broker;
    }

    @AfterAll
    void stopBroker() {
        stopServices();
        if (broker != null) {
            broker.destroy();
        }
    }
}
