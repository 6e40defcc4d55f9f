package org.vetted.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/** The same journey on Apache Kafka's own image, where a Docker engine exists; skipped cleanly where none does. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerKafkaPipelineIT extends PipelineScenarios {
    private KafkaContainer kafka;

    @BeforeAll
    void start() throws Exception {
        kafka = new KafkaContainer("apache/kafka:4.1.2");
        kafka.start();
        startServices(kafka.getBootstrapServers());
    }

    @AfterAll
    void stopKafka() {
        stopServices();
        if (kafka != null) {
            kafka.stop();
        }
    }
}
