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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.vetted.contract.Topics;

/**
 * docker-compose.yml's cluster without Docker: three KRaft nodes started by compose/kafka-node.sh itself (SASL on
 * every listener, the StandardAuthorizer, three replicas, two in sync), set up by compose/kafka-init.sh itself, both
 * running the Kafka tools from Maven artifacts behind scripts named like the image's. Each topic has exactly its one
 * writer, and another service's principal is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow")
class ComposeAclsIT {
    private static final String ADMIN_PASSWORD = "admin-" + UUID.randomUUID();
    private static final Map<String, String> PASSWORDS = Map.of(
            "intake",
            "intake-" + UUID.randomUUID(),
            "review",
            "review-" + UUID.randomUUID(),
            "rendering",
            "rendering-" + UUID.randomUUID(),
            "distribution",
            "distribution-" + UUID.randomUUID());
    /** Who writes what, from the services' application.yml files. */
    private static final Map<String, String> WRITER = Map.of(
            Topics.DRAFT_SUBMITTED,
            "intake",
            Topics.CLAIM_REVIEWED,
            "review",
            Topics.APPROVED,
            "review",
            Topics.REVIEW_RETURNED,
            "review",
            Topics.WITHDRAWN,
            "review",
            Topics.REVIEW_STATUS,
            "review",
            Topics.CLAIMS_LIBRARY,
            "review",
            Topics.RENDERED,
            "rendering",
            Topics.PUBLISHED,
            "distribution");

    private static final int NODES = 3;

    private Path workDir;
    private final List<Process> nodes = new ArrayList<>();
    private String bootstrapServers;

    @BeforeAll
    void startTheClusterAndRunTheInit() throws Exception {
        workDir = Files.createTempDirectory("vetted-compose-acls");
        Path bin = Files.createDirectories(workDir.resolve("bin"));
        Files.writeString(
                bin.resolve("logback.xml"),
                "<configuration><appender name=\"out\" "
                        + "class=\"ch.qos.logback.core.ConsoleAppender\"><encoder><pattern>%level %logger{0} %msg%n</pattern>"
                        + "</encoder></appender><root level=\"WARN\"><appender-ref ref=\"out\"/></root></configuration>");
        tool(bin, "kafka-configs.sh", "kafka.admin.ConfigCommand");
        tool(bin, "kafka-topics.sh", "org.apache.kafka.tools.TopicCommand");
        tool(bin, "kafka-acls.sh", "org.apache.kafka.tools.AclCommand");
        tool(bin, "kafka-storage.sh", "kafka.tools.StorageTool");
        tool(bin, "kafka-server-start.sh", "kafka.Kafka");
        Path compose = Path.of(System.getProperty("vetted.compose.dir", "../compose"));

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
            env.put("KAFKA_ADMIN_PASSWORD", ADMIN_PASSWORD);
            // Only what moves the node out of the image: paths, and ports on one host.
            env.put("KAFKA_BIN", bin.toString());
            env.put("KAFKA_DATA", dir.resolve("data").toString());
            env.put("KAFKA_CONFIG_DIR", dir.toString());
            env.put("KAFKA_HOST", "localhost");
            env.put("KAFKA_INTERNAL_PORT", Integer.toString(ports[i][0]));
            env.put("KAFKA_CONTROLLER_PORT", Integer.toString(ports[i][2]));
            env.put("KAFKA_VOTERS", String.join(",", voters));
            nodes.add(run(compose.resolve("kafka-node.sh"), dir.resolve("kafka.log"), env));
            internal.add("localhost:" + ports[i][0]);
            external.add("localhost:" + ports[i][1]);
        }
        bootstrapServers = String.join(",", external);
        awaitNodes(Duration.ofMinutes(5));

        Map<String, String> env = new HashMap<>(Map.of(
                "KAFKA_BIN", bin.toString(),
                "KAFKA_BOOTSTRAP", String.join(",", internal),
                "KAFKA_ADMIN_PASSWORD", ADMIN_PASSWORD));
        PASSWORDS.forEach((user, password) -> env.put("KAFKA_" + user.toUpperCase() + "_PASSWORD", password));
        Path log = workDir.resolve("kafka-init.log");
        Process init = run(compose.resolve("kafka-init.sh"), log, env);
        // About thirty JVMs, one after the other: minutes on a busy machine.
        boolean finished = init.waitFor(15, TimeUnit.MINUTES);
        if (!finished) {
            init.destroyForcibly();
        }
        assertThat(finished)
                .as("kafka-init finished:\n%s", Files.readString(log))
                .isTrue();
        assertThat(init.exitValue())
                .as("kafka-init:\n%s", Files.readString(log))
                .isZero();
    }

    @AfterAll
    void stopTheCluster() throws InterruptedException {
        nodes.forEach(Process::destroy);
        for (Process node : nodes) {
            if (!node.waitFor(30, TimeUnit.SECONDS)) {
                node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        deleteRecursively(workDir);
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
        Map<String, Object> config = new HashMap<>(clientConfig("admin", ADMIN_PASSWORD));
        config.put("request.timeout.ms", 3000);
        config.put("default.api.timeout.ms", 5000);
        try (Admin admin = Admin.create(config)) {
            while (System.nanoTime() < deadline) {
                for (int i = 0; i < NODES; i++) {
                    assertThat(nodes.get(i).isAlive())
                            .as(
                                    "node %s:\n%s",
                                    i + 1,
                                    tail(workDir.resolve("node-" + (i + 1)).resolve("kafka.log")))
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
            logs.append("\n-- node ")
                    .append(i)
                    .append(":\n")
                    .append(tail(workDir.resolve("node-" + i).resolve("kafka.log")));
        }
        throw new AssertionError("the cluster did not form in " + timeout + ":" + logs);
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

    @Test
    void everyTopicWithAWriteAclHasExactlyOneWriterAndTheEventTopicsTheirOwn() throws Exception {
        Map<String, Set<String>> writers = new TreeMap<>();
        try (Admin admin = Admin.create(clientConfig("admin", ADMIN_PASSWORD))) {
            for (AclBinding acl :
                    admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS)) {
                AclOperation operation = acl.entry().operation();
                if (acl.pattern().resourceType() == ResourceType.TOPIC
                        && (operation == AclOperation.WRITE || operation == AclOperation.ALL)) {
                    assertThat(acl.pattern().patternType())
                            .as("write ACLs name topics exactly: %s", acl)
                            .isEqualTo(PatternType.LITERAL);
                    writers.computeIfAbsent(acl.pattern().name(), topic -> new TreeSet<>())
                            .add(acl.entry().principal());
                }
            }
        }
        assertThat(writers)
                .allSatisfy(
                        (topic, principals) -> assertThat(principals).as(topic).hasSize(1));
        WRITER.forEach(
                (topic, service) -> assertThat(writers.get(topic)).as(topic).containsExactly("User:" + service));
        // Dead letters: written by the consuming service, under its group's name.
        assertThat(writers.get(Topics.deadLetter(Topics.APPROVED, "rendering"))).containsExactly("User:rendering");
        assertThat(writers.get(Topics.deadLetter(Topics.PUBLISHED, "distribution-pages")))
                .containsExactly("User:distribution");
    }

    @Test
    void eachServiceWritesItsOwnTopicsAndIsRefusedAnothersTopic() {
        assertThat(write("intake", "intake-acl-test-", Topics.DRAFT_SUBMITTED)).isNull();
        assertThat(write("review", "review-acl-test-", Topics.APPROVED)).isNull();
        assertThat(write("distribution", "distribution-acl-test-", Topics.PUBLISHED))
                .isNull();

        assertThat(write("review", "review-acl-test-", Topics.DRAFT_SUBMITTED))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThat(write("intake", "intake-acl-test-", Topics.APPROVED))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThat(write("rendering", "rendering-acl-test-", Topics.PUBLISHED))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aServiceCannotUseAnothersTransactionalIdsOrConsumerGroup() {
        assertThat(write("rendering", "intake-acl-test-", Topics.RENDERED))
                .isInstanceOf(TransactionalIdAuthorizationException.class);

        Map<String, Object> config = new HashMap<>(clientConfig("rendering", PASSWORDS.get("rendering")));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "intake");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(Topics.APPROVED));
            Throwable failure = null;
            for (int i = 0; i < 20 && failure == null; i++) {
                try {
                    consumer.poll(Duration.ofMillis(500));
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            assertThat(failure).isInstanceOf(GroupAuthorizationException.class);
        }
    }

    /** One record in a transaction, as the services write; null if committed, else the failure's Kafka cause. */
    private Throwable write(String user, String transactionalIdPrefix, String topic) {
        Map<String, Object> config = new HashMap<>(clientConfig(user, PASSWORDS.get(user)));
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
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof org.apache.kafka.common.errors.ApiException)) {
                cause = cause.getCause();
            }
            return cause;
        }
    }

    /** As a service connects in docker-compose.yml: SCRAM-SHA-512 as its own user. */
    private Map<String, Object> clientConfig(String user, String password) {
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
