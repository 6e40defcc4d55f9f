package org.vetted.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * One real Kafka node in KRaft mode (broker and controller in one process), started from the Maven artifacts on this
 * module's classpath, alone or as one of a {@link KafkaCluster}. Its data lives under a local folder and survives
 * restarts: the storage is formatted once, on first start.
 */
public final class KafkaBroker implements AutoCloseable {
    private final Path dataDir;
    private final int nodeId;
    private final int port;
    private final int controllerPort;
    /** {@code id@host:port,...} of every controller in a cluster; null for a single node (a dynamic quorum of one). */
    private final String voters;

    private final int replicas;
    private ManagedProcess process;

    /** A single node: every internal topic with one replica. */
    public KafkaBroker(Path dataDir, int port, int controllerPort) {
        this(dataDir, 1, port, controllerPort, null, 1);
    }

    KafkaBroker(Path dataDir, int nodeId, int port, int controllerPort, String voters, int replicas) {
        this.dataDir = dataDir.toAbsolutePath();
        this.nodeId = nodeId;
        this.port = port;
        this.controllerPort = controllerPort;
        this.voters = voters;
        this.replicas = replicas;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int nodeId() {
        return nodeId;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Starts the node and, for a single node, waits until it answers; a cluster waits for all its nodes at once. */
    public KafkaBroker start(Duration timeout) throws IOException, InterruptedException {
        launch(Uuid.randomUuid().toString());
        awaitReady(bootstrapServers(), timeout);
        return this;
    }

    /** Kills the node with SIGKILL, as a crash would: no controlled shutdown, no flush. */
    public void kill() {
        if (process != null) {
            process.kill();
        }
    }

    void launch(String clusterId) throws IOException, InterruptedException {
        Path logDir = dataDir.resolve("kafka-data");
        Path config = dataDir.resolve("server.properties");
        Files.createDirectories(logDir);
        writeConfig(config, logDir);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(config, clusterId);
        }
        process = ManagedProcess.javaMain(
                "kafka-" + nodeId,
                List.of("-Xmx768m", "-Dlog4j2.configurationFile=" + log4jConfig()),
                "kafka.Kafka",
                List.of(config.toString()),
                Map.of(),
                dataDir.resolve("logs/kafka.log"));
    }

    private void writeConfig(Path config, Path logDir) throws IOException {
        Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("node.id", Integer.toString(nodeId));
        if (voters == null) {
            props.setProperty("controller.quorum.bootstrap.servers", "localhost:" + controllerPort);
        } else {
            props.setProperty("controller.quorum.voters", voters);
        }
        props.setProperty("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        props.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + port);
        props.setProperty("controller.listener.names", "CONTROLLER");
        props.setProperty("inter.broker.listener.name", "PLAINTEXT");
        props.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.setProperty("log.dirs", logDir.toString());
        props.setProperty("num.partitions", "3");
        // Internal topics, the transaction log included, replicated like the services' topics: on three nodes three
        // replicas, of which two must have a write, so one node can be down.
        String replication = Integer.toString(replicas);
        String minInsync = Integer.toString(minInsync(replicas));
        props.setProperty("default.replication.factor", replication);
        props.setProperty("min.insync.replicas", minInsync);
        props.setProperty("offsets.topic.replication.factor", replication);
        props.setProperty("transaction.state.log.replication.factor", replication);
        props.setProperty("transaction.state.log.min.isr", minInsync);
        props.setProperty("share.coordinator.state.topic.replication.factor", replication);
        props.setProperty("share.coordinator.state.topic.min.isr", minInsync);
        props.setProperty("unclean.leader.election.enable", "false");
        // Topics are created only by the services, with their settings: a client's metadata request must not make
        // one with the broker's defaults (seven-day retention) first.
        props.setProperty("auto.create.topics.enable", "false");
        props.setProperty("group.initial.rebalance.delay.ms", "0");
        try (var out = Files.newBufferedWriter(config)) {
            props.store(out, "Written by the Vetted local stack; edit the launcher, not this file");
        }
    }

    /** Writes a node must have of a partition before a write counts: all on one node, else all but one. */
    static int minInsync(int replicas) {
        return Math.max(1, replicas - 1);
    }

    private void format(Path config, String clusterId) throws IOException, InterruptedException {
        List<String> args = voters == null
                ? List.of("format", "--standalone", "-t", clusterId, "-c", config.toString())
                : List.of("format", "-t", clusterId, "-c", config.toString());
        ManagedProcess formatter = ManagedProcess.javaMain(
                "kafka-format",
                List.of("-Dlog4j2.configurationFile=" + log4jConfig()),
                "kafka.tools.StorageTool",
                args,
                Map.of(),
                dataDir.resolve("logs/kafka-format.log"));
        if (!formatter.waitFor(Duration.ofMinutes(2)) || formatter.exitValue() != 0) {
            throw new IllegalStateException("formatting Kafka storage failed:\n" + formatter.logTail());
        }
    }

    /** Waits until a node of {@code bootstrapServers} answers and reports every node expected alive. */
    void awaitReady(String bootstrapServers, Duration timeout) throws InterruptedException {
        awaitReady(bootstrapServers, 1, timeout);
    }

    void awaitReady(String bootstrapServers, int nodes, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(config)) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka exited during start:\n" + process.logTail());
                }
                try {
                    if (admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).size() >= nodes) {
                        return;
                    }
                    Thread.sleep(250);
                } catch (Exception notYet) {
                    Thread.sleep(250);
                }
            }
        }
        throw new IllegalStateException("Kafka did not answer within " + timeout + ":\n" + process.logTail());
    }

    private String log4jConfig() {
        Path file = dataDir.resolve("kafka-log4j2.xml");
        try (var in = KafkaBroker.class.getResourceAsStream("/kafka-log4j2.xml")) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toString();
    }

    @Override
    public void close() {
        if (process != null) {
            process.stop(Duration.ofSeconds(20));
        }
    }
}
