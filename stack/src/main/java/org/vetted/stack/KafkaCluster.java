package org.vetted.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.Uuid;

/**
 * Real KRaft nodes on this machine, each broker and controller in one process: one node (the default), or three
 * with a static quorum of three controllers, topics and the transaction log replicated three times with two in
 * sync, so any one node can be down without losing or refusing a write. Node {@code i} (from 0) listens on
 * {@code basePort + 2i} and its controller on {@code basePort + 2i + 1}, and keeps its data under
 * {@code dataDir/node-(i+1)} (a single node keeps the layout it always had, directly under {@code dataDir}).
 */
public final class KafkaCluster implements AutoCloseable {
    private final List<KafkaBroker> nodes = new ArrayList<>();
    private final int replicas;

    public KafkaCluster(Path dataDir, int size, int basePort) {
        if (size != 1 && size != 3) {
            throw new IllegalArgumentException("--brokers is 1 or 3, not " + size);
        }
        this.replicas = size;
        if (size == 1) {
            nodes.add(new KafkaBroker(dataDir, basePort, basePort + 1));
        } else {
            String voters = IntStream.range(0, size)
                    .mapToObj(i -> (i + 1) + "@localhost:" + (basePort + 2 * i + 1))
                    .collect(Collectors.joining(","));
            for (int i = 0; i < size; i++) {
                nodes.add(new KafkaBroker(
                        dataDir.resolve("node-" + (i + 1)),
                        i + 1,
                        basePort + 2 * i,
                        basePort + 2 * i + 1,
                        voters,
                        size));
            }
        }
    }

    public String bootstrapServers() {
        return nodes.stream().map(KafkaBroker::bootstrapServers).collect(Collectors.joining(","));
    }

    public List<KafkaBroker> nodes() {
        return List.copyOf(nodes);
    }

    /** Replicas per topic, for the services' {@code vetted.kafka.topics.replication-factor}. */
    public int replicationFactor() {
        return replicas;
    }

    /** In-sync replicas a write needs, for the services' {@code vetted.kafka.topics.min-insync-replicas}. */
    public int minInsyncReplicas() {
        return KafkaBroker.minInsync(replicas);
    }

    /** The Spring properties that point a service at this cluster with its replication. */
    public List<String> serviceArgs() {
        return List.of(
                "--vetted.kafka.topics.replication-factor=" + replicationFactor(),
                "--vetted.kafka.topics.min-insync-replicas=" + minInsyncReplicas());
    }

    /** Starts every node (all at once: a quorum of three needs two up before any answers) and waits for all. */
    public KafkaCluster start(Duration timeout) throws IOException, InterruptedException {
        if (nodes.size() == 1) {
            nodes.get(0).start(timeout);
            return this;
        }
        String clusterId = Uuid.randomUuid().toString();
        for (KafkaBroker node : nodes) {
            node.launch(clusterId);
        }
        nodes.get(0).awaitReady(bootstrapServers(), nodes.size(), timeout);
        return this;
    }

    /** Starts a node that was killed or stopped again (its storage is formatted already) and waits until it answers. */
    public void restart(KafkaBroker node, Duration timeout) throws IOException, InterruptedException {
        node.close();
        node.launch(null);
        node.awaitReady(node.bootstrapServers(), timeout);
    }

    @Override
    public void close() {
        nodes.forEach(KafkaBroker::close);
    }
}
