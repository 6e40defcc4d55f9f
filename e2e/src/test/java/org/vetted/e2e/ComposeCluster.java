package org.vetted.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * docker-compose.yml's cluster without Docker: three KRaft nodes started by compose/kafka-node.sh itself (SASL on
 * every listener, the StandardAuthorizer, three replicas, two in sync), set up by compose/kafka-init.sh itself, both
 * running the Kafka tools from Maven artifacts behind scripts named like the image's. Only what moves a node out of
 * the image is set besides compose's own variables: paths, and ports on one host. {@link #close} stops every process
 * it started, the init's tools included, whatever state the start was left in.
 */
final class ComposeCluster implements AutoCloseable {
    static final int NODES = 3;
    /** The services' Kafka users, each with a password of kafka-init's KAFKA_<USER>_PASSWORD. */
    static final List<String> USERS = List.of("intake", "review", "rendering", "distribution");

    private final String adminPassword;
    private final Map<String, String> passwords;
    private final Path workDir;
    private final List<Process> processes = new ArrayList<>();
    private String bootstrapServers;

    /** {@code passwords}: each service's Kafka password, by user name. */
    ComposeCluster(String adminPassword, Map<String, String> passwords) throws IOException {
        this.adminPassword = adminPassword;
        this.passwords = Map.copyOf(passwords);
        this.workDir = Files.createTempDirectory("vetted-compose-cluster");
    }

    /** New random passwords for the admin and every service. */
    static ComposeCluster withRandomPasswords() throws IOException {
        Map<String, String> passwords = new HashMap<>();
        USERS.forEach(user -> passwords.put(user, user + "-" + UUID.randomUUID()));
        return new ComposeCluster("admin-" + UUID.randomUUID(), passwords);
    }

    static Path composeDir() {
        return Path.of(System.getProperty("vetted.compose.dir", "../compose"))
                .toAbsolutePath()
                .normalize();
    }

    /** Starts the three nodes, waits until the admin sees all three, and runs kafka-init to its successful end. */
    ComposeCluster start() throws Exception {
        Path bin = Files.createDirectories(workDir.resolve("bin"));
        Files.writeString(
                bin.resolve("logback.xml"),
                "<configuration><appender name=\"out\" "
                        + "class=\"ch.qos.logback.core.ConsoleAppender\"><encoder><pattern>%level %logger{0} %msg%n</pattern>"
                        + "</encoder></appender><root level=\"WARN\"><appender-ref ref=\"out\"/></root></configuration>");
        tool(bin, "kafka-configs.sh", "kafka.admin.ConfigCommand");
        tool(bin, "kafka-topics.sh", "org.apache.kafka.tools.TopicCommand");
        tool(bin, "kafka-acls.sh", "org.apache.kafka.tools.AclCommand");
        tool(bin, "kafka-broker-api-versions.sh", "org.apache.kafka.tools.BrokerApiVersionsCommand");
        tool(bin, "kafka-storage.sh", "kafka.tools.StorageTool");
        tool(bin, "kafka-server-start.sh", "kafka.Kafka");
        Path compose = composeDir();

        // Three ports a node: internal (between brokers), external (clients here), controller.
        int base = FaultRigIT.freePortRange(3 * NODES);
        int[][] ports = new int[NODES][];
        List<String> voters = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            ports[i] = new int[] {base + 3 * i, base + 3 * i + 1, base + 3 * i + 2};
            voters.add((i + 1) + "@localhost:" + ports[i][2]);
        }
        List<String> external = new ArrayList<>();
        List<String> internal = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            Path dir = Files.createDirectories(workDir.resolve("node-" + (i + 1)));
            Map<String, String> env = new HashMap<>();
            env.put("NODE_ID", Integer.toString(i + 1));
            env.put("EXTERNAL_PORT", Integer.toString(ports[i][1]));
            env.put("CLUSTER_ID", "nUkZKtjWRfEjt4-ZunNHGw");
            env.put("KAFKA_ADMIN_PASSWORD", adminPassword);
            // Only what moves the node out of the image: paths, and ports on one host.
            env.put("KAFKA_BIN", bin.toString());
            env.put("KAFKA_DATA", dir.resolve("data").toString());
            env.put("KAFKA_CONFIG_DIR", dir.toString());
            env.put("KAFKA_HOST", "localhost");
            env.put("KAFKA_INTERNAL_PORT", Integer.toString(ports[i][0]));
            env.put("KAFKA_CONTROLLER_PORT", Integer.toString(ports[i][2]));
            env.put("KAFKA_VOTERS", String.join(",", voters));
            processes.add(run(compose.resolve("kafka-node.sh"), dir.resolve("kafka.log"), env));
            internal.add("localhost:" + ports[i][0]);
            external.add("localhost:" + ports[i][1]);
        }
        bootstrapServers = String.join(",", external);
        awaitNodes(Duration.ofMinutes(5));

        Map<String, String> env = new HashMap<>(Map.of(
                "KAFKA_BIN", bin.toString(),
                "KAFKA_BOOTSTRAP", String.join(",", internal),
                "KAFKA_ADMIN_PASSWORD", adminPassword));
        passwords.forEach((user, password) -> env.put("KAFKA_" + user.toUpperCase() + "_PASSWORD", password));
        Path log = workDir.resolve("kafka-init.log");
        Process init = run(compose.resolve("kafka-init.sh"), log, env);
        processes.add(init);
        // About forty JVMs, one after the other: a minute or more on a busy machine.
        boolean finished = init.waitFor(15, TimeUnit.MINUTES);
        if (!finished) {
            stop(init);
        }
        assertThat(finished)
                .as("kafka-init finished:\n%s", Files.readString(log))
                .isTrue();
        assertThat(init.exitValue())
                .as("kafka-init:\n%s", Files.readString(log))
                .isZero();
        return this;
    }

    /** The nodes' EXTERNAL listeners, as the host reaches them. */
    String bootstrapServers() {
        return bootstrapServers;
    }

    String adminPassword() {
        return adminPassword;
    }

    /** As a service connects in docker-compose.yml: SCRAM-SHA-512 as its own user ("admin" for the admin). */
    Map<String, Object> clientConfig(String user) {
        String password = user.equals("admin") ? adminPassword : passwords.get(user);
        return Map.of(
                "bootstrap.servers",
                bootstrapServers,
                "security.protocol",
                "SASL_PLAINTEXT",
                "sasl.mechanism",
                "SCRAM-SHA-512",
                "sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                        + password + "\";");
    }

    /**
     * One record to {@code topic} in a transaction whose id starts with {@code transactionalIdPrefix}, as the
     * services write, by {@code user}; null if committed, else the failure's Kafka cause.
     */
    Throwable write(String user, String transactionalIdPrefix, String topic) {
        Map<String, Object> config = new HashMap<>(clientConfig(user));
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalIdPrefix + UUID.randomUUID());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "a-1", "acl test")).get(30, TimeUnit.SECONDS);
            producer.commitTransaction();
            return null;
        } catch (Exception e) {
            return kafkaCause(e);
        }
    }

    /**
     * {@code user} subscribes to {@code topic} in consumer group {@code group} and polls for up to ten seconds;
     * the failure that ends the polls, or null if none did.
     */
    Throwable join(String user, String group, String topic) {
        Map<String, Object> config = new HashMap<>(clientConfig(user));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            for (int i = 0; i < 20; i++) {
                try {
                    consumer.poll(Duration.ofMillis(500));
                } catch (RuntimeException e) {
                    return kafkaCause(e);
                }
            }
            return null;
        }
    }

    private static Throwable kafkaCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof ApiException)) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Override
    public void close() {
        // Every process at once (the init's tools are its shell's children): nothing of this cluster is kept, so a
        // node need not wait for a controlled shutdown that the others, stopping too, could not serve.
        for (Process process : processes) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroy();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        for (Process process : processes) {
            try {
                if (!process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        deleteRecursively(workDir);
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static Process run(Path script, Path log, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Until the admin sees every node: the SCRAM credential put in at format time works between them. */
    private void awaitNodes(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> config = new HashMap<>(clientConfig("admin"));
        config.put("request.timeout.ms", 3000);
        config.put("default.api.timeout.ms", 5000);
        try (Admin admin = Admin.create(config)) {
            while (System.nanoTime() < deadline) {
                for (int i = 0; i < NODES; i++) {
                    assertThat(processes.get(i).isAlive())
                            .as("node %s:\n%s", i + 1, tail(nodeLog(i + 1)))
                            .isTrue();
                }
                try {
                    if (admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() == NODES) {
                        return;
                    }
                } catch (Exception notYet) {
                    // not up yet
                }
                Thread.sleep(500);
            }
        }
        StringBuilder logs = new StringBuilder();
        for (int i = 1; i <= NODES; i++) {
            logs.append("\n-- node ").append(i).append(":\n").append(tail(nodeLog(i)));
        }
        throw new AssertionError("the cluster did not form in " + timeout + ":" + logs);
    }

    private Path nodeLog(int node) {
        return workDir.resolve("node-" + node).resolve("kafka.log");
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is no failure of the test.
        }
    }

    /** A script named like the Kafka tool, running its main class on this JVM's classpath. */
    private static void tool(Path bin, String name, String mainClass) throws IOException {
        // The tools start and end quickly: the first compiler tier is enough. The broker gets both.
        String jvm = name.equals("kafka-server-start.sh") ? "-Xmx512m" : "-Xmx256m -XX:TieredStopAtLevel=1";
        Path script = bin.resolve(name);
        Files.writeString(
                script,
                "#!/usr/bin/env bash\nexec '" + javaBinary() + "' " + jvm + " "
                        + "-Dlogback.configurationFile='" + bin.resolve("logback.xml") + "' "
                        + "-cp '" + System.getProperty("java.class.path") + "' " + mainClass + " \"$@\"\n",
                StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
