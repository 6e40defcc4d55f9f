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
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process), started from the Maven
 * artifacts on this module's classpath. Its data lives under a local folder and survives restarts: the storage is
 * formatted once, on first start.
 */
public final class KafkaBroker implements AutoCloseable {
    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private ManagedProcess process;

    public KafkaBroker(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public KafkaBroker start(Duration timeout) throws IOException, InterruptedException {
        Path logDir = dataDir.resolve("kafka-data");
        Path config = dataDir.resolve("server.properties");
        Files.createDirectories(logDir);
        writeConfig(config, logDir);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(config);
        }
        process = ManagedProcess.javaMain("kafka", List.of("-Xmx768m", "-Dlog4j2.configurationFile=" + log4jConfig()),
                "kafka.Kafka", List.of(config.toString()), Map.of(), dataDir.resolve("logs/kafka.log"));
        awaitReady(timeout);
        return this;
    }

    private void writeConfig(Path config, Path logDir) throws IOException {
        Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("node.id", "1");
        props.setProperty("controller.quorum.bootstrap.servers", "localhost:" + controllerPort);
        props.setProperty("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        props.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + port);
        props.setProperty("controller.listener.names", "CONTROLLER");
        props.setProperty("inter.broker.listener.name", "PLAINTEXT");
        props.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.setProperty("log.dirs", logDir.toString());
        props.setProperty("num.partitions", "3");
        // One node: every internal topic has a single replica, transactions included.
        props.setProperty("offsets.topic.replication.factor", "1");
        props.setProperty("transaction.state.log.replication.factor", "1");
        props.setProperty("transaction.state.log.min.isr", "1");
        props.setProperty("share.coordinator.state.topic.replication.factor", "1");
        props.setProperty("share.coordinator.state.topic.min.isr", "1");
        props.setProperty("group.initial.rebalance.delay.ms", "0");
        try (var out = Files.newBufferedWriter(config)) {
            props.store(out, "Written by the Vetted local stack; edit the launcher, not this file");
        }
    }

    private void format(Path config) throws IOException, InterruptedException {
        ManagedProcess formatter = ManagedProcess.javaMain("kafka-format", List.of("-Dlog4j2.configurationFile=" + log4jConfig()),
                "kafka.tools.StorageTool",
                List.of("format", "--standalone", "-t", Uuid.randomUuid().toString(), "-c", config.toString()),
                Map.of(), dataDir.resolve("logs/kafka-format.log"));
        if (!formatter.waitFor(Duration.ofMinutes(2)) || formatter.exitValue() != 0) {
            throw new IllegalStateException("formatting Kafka storage failed:\n" + formatter.logTail());
        }
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(config)) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka exited during start:\n" + process.logTail());
                }
                try {
                    admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                    return;
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
