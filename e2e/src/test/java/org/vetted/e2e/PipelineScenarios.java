package org.vetted.e2e;

import java.util.List;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole journey on a real broker, through the four shipped service jars: a writer's paste, medical review,
 * rendering, publication, and the ways it must refuse. The scenarios live in one interface per theme; this class
 * runs them all against one start of the services, and its subclasses supply the broker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PipelineScenarios
        implements PublishingScenarios,
                GateScenarios,
                HostileEventScenarios,
                DownstreamScenarios,
                OperationsScenarios,
                WebhookScenarios,
                WithdrawalScenarios,
                ReReviewScenarios,
                LifecycleScenarios,
                BrowserScenarios {
    private Pipeline pipeline;

    /** Starts the four services against {@code bootstrapServers}; call from the subclass's @BeforeAll. */
    void startServices(String bootstrapServers) throws Exception {
        startServices(bootstrapServers, List.of());
    }

    /** As {@link #startServices(String)}, with Spring properties of the cluster (its replication). */
    void startServices(String bootstrapServers, List<String> clusterArgs) throws Exception {
        pipeline = Pipeline.start(getClass().getSimpleName(), bootstrapServers, clusterArgs);
    }

    /** Stops the services; call from the subclass's @AfterAll before stopping the broker. */
    void stopServices() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Override
    public Pipeline pipeline() {
        return pipeline;
    }

    @Override
    public int replicationFactor() {
        return 1;
    }
}
