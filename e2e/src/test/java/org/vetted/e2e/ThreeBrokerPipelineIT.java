package org.vetted.e2e;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.vetted.stack.KafkaCluster;

/**
 * The journey on the local stack's three-node cluster: three KRaft broker processes with every topic and the
 * transaction log replicated three times, two in sync. What passes on one broker must pass where leaders, replicas
 * and transaction coordinators sit on different nodes.
 * <p>
 * Only the scenarios whose outcome can depend on that run here: the publishing and withdrawal journeys through
 * replicated transactions, replay from the log after restarts, forged and hostile records on the topics, dead
 * letters, the topics' replication. Those marked {@link TopologyIndependent} (a service's clock, its HTTP edge, the
 * pages in a browser) are skipped: {@link EmbeddedKafkaPipelineIT} proves them on one broker in the quick suite.
 */
@Tag("slow")
@ExtendWith(ThreeBrokerPipelineIT.TopologyDependentOnly.class)
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

    /** Skips the scenarios tagged {@link TopologyIndependent#TAG}. */
    static final class TopologyDependentOnly implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getTestMethod().isPresent() && context.getTags().contains(TopologyIndependent.TAG)
                    ? ConditionEvaluationResult.disabled(
                            "topology-independent: EmbeddedKafkaPipelineIT proves it on one broker")
                    : ConditionEvaluationResult.enabled("its outcome can depend on the cluster");
        }
    }
}
