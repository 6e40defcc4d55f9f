package org.vetted.e2e;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.vetted.stack.KafkaCluster;

/**
 * The journey on the local stack's three-node cluster: three KRaft broker processes with every topic and the
 * transaction log replicated three times, two in sync. What passes on one broker must pass where leaders, replicas
 * and transaction coordinators sit on different nodes.
 */
@Tag("slow")
class ThreeBrokerPipelineIT extends PipelineScenarios {
    private KafkaCluster cluster;

    @BeforeAll
    void start() throws Exception {
        Path dir = Path.of(System.getProperty("vetted.logs.dir", "target/service-logs"))
                .getParent()
                .resolve("three-brokers-" + System.nanoTime());
        cluster = new KafkaCluster(dir, 3, FaultRigIT.freePortRange(6)).start(Duration.ofMinutes(3));
        startServices(cluster.bootstrapServers(), cluster.serviceArgs());
    }

    @Override
    public int replicationFactor() {
        return 3;
    }

    @AfterAll
    void stopBrokers() {
        stopServices();
        if (cluster != null) {
            cluster.close();
        }
    }
}
