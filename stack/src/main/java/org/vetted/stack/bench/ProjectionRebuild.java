package org.vetted.stack.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.vetted.contract.Topics;
import org.vetted.stack.ManagedProcess;
import org.vetted.stack.PostgresServer;
import org.vetted.stack.ServiceFleet;

/**
 * A projection rebuilt from a whole history: intake's status view (the {@code articles} projection of
 * {@code SharedProjection}) from {@code records} drafts. The drafts are written, signed with the local profile's demo
 * intake key, to a topic of the bench's own (so no other service works on them), then one more intake process is
 * started with the stack's jar and flags, reading only that topic, in a consumer group and an empty database of its
 * own. The figure is the replay alone: from the first record the projection stored to the last, read from the
 * projection's own positions in its database (the start of the JVM is noted apart).
 */
final class ProjectionRebuild {
    static final String NAME = "projection rebuild, intake's status view";

    private static final Duration POLL = Duration.ofMillis(100);

    private final String bootstrapServers;
    private final int dbPort;
    private final Path servicesDir;
    private final Path logDir;
    private final List<String> serviceArgs;

    ProjectionRebuild(String bootstrapServers, int dbPort, Path servicesDir, Path logDir, List<String> serviceArgs) {
        this.bootstrapServers = bootstrapServers;
        this.dbPort = dbPort;
        this.servicesDir = servicesDir;
        this.logDir = logDir;
        this.serviceArgs = List.copyOf(serviceArgs);
    }

    /** What the run found beside the figure: how long writing and starting took. */
    /**
     * @param replayCpu CPU time the rebuilding intake used from its first stored record to its last (its JVM's
     *     compiler and collector included), or null where the OS does not tell
     */
    record Result(Figure figure, Duration writing, Duration start, Duration replayCpu) {}

    Result run(int records, int port, String baseline, Duration timeout) throws Exception {
        String run = "r" + Instant.now().toEpochMilli();
        String topic = "vetted-bench.projection-" + run;
        String database = "vetted_bench_projection_" + run;
        Path jar = servicesDir.resolve("intake").resolve("target").resolve("intake.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("missing " + jar + ": build first (./mvnw -B -DskipTests install)");
        }
        long writeStart = System.nanoTime();
        long total = write(topic, records);
        Duration writing = Duration.ofNanos(System.nanoTime() - writeStart);
        execute("postgres", "create database " + database);

        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("PORT", Integer.toString(port));
        env.put("INSTANCE_ID", "intake-bench-rebuild");
        env.put("VETTED_DB_URL", "jdbc:postgresql://localhost:" + dbPort + "/" + database);
        env.put("VETTED_DB_USER", PostgresServer.USER);
        List<String> args = new ArrayList<>(serviceArgs);
        args.add("--spring.cloud.stream.bindings.trackArticle-in-0.destination=" + topic);
        args.add("--spring.cloud.stream.bindings.trackArticle-in-0.group=vetted-bench-" + run);
        long launched = System.nanoTime();
        ManagedProcess intake = ManagedProcess.javaJar(
                "intake-rebuild", ServiceFleet.jvmFlags(), jar, args, env, logDir.resolve("intake-rebuild.log"));
        try {
            long deadline = launched + timeout.toNanos();
            long firstAt = 0;
            long first = 0;
            Duration cpuAtFirst = null;
            while (true) {
                long now = System.nanoTime();
                long position = position(database);
                if (position > 0 && firstAt == 0) {
                    firstAt = now;
                    first = position;
                    cpuAtFirst = cpu(intake);
                }
                if (position >= total) {
                    // Every record stored after the first one seen, over the time between: the replay's own rate.
                    long applied = Math.max(records - first, 1);
                    double seconds = Math.max((now - firstAt) / 1e9, POLL.toNanos() / 1e9);
                    Figure figure = Figure.of(
                            NAME + ", " + records + " records", "records", applied, 0, seconds, null, baseline);
                    Duration cpuAtLast = cpu(intake);
                    Duration replayCpu = cpuAtFirst == null || cpuAtLast == null ? null : cpuAtLast.minus(cpuAtFirst);
                    return new Result(figure, writing, Duration.ofNanos(firstAt - launched), replayCpu);
                }
                if (!intake.isAlive()) {
                    throw new IllegalStateException("the rebuilding intake exited:\n" + intake.logTail());
                }
                if (now > deadline) {
                    throw new IllegalStateException("the projection reached " + position + " of " + total
                            + " records in " + timeout + ":\n" + intake.logTail());
                }
                Thread.sleep(POLL.toMillis());
            }
        } finally {
            intake.stop(Duration.ofSeconds(20));
            try {
                execute("postgres", "drop database if exists " + database);
            } catch (SQLException ignored) {
                // left behind: named after the run
            }
            deleteTopic(topic);
        }
    }

    private long write(String topic, int records) throws InterruptedException, ExecutionException {
        try (Admin admin = admin()) {
            int partitions = admin.describeTopics(List.of(Topics.DRAFT_SUBMITTED))
                    .allTopicNames()
                    .get()
                    .get(Topics.DRAFT_SUBMITTED)
                    .partitions()
                    .size();
            // Kept forever, as every event log the services read (else intake warns about the topic at start).
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)
                            .configs(Map.of("retention.ms", "-1", "retention.bytes", "-1"))))
                    .all()
                    .get();
        }
        return new SignedDrafts(bootstrapServers).write(topic, records, Instant.now());
    }

    private static Duration cpu(ManagedProcess process) {
        return ProcessHandle.of(process.pid())
                .flatMap(handle -> handle.info().totalCpuDuration())
                .orElse(null);
    }

    /** Where the projection stands: the next offsets stored with it, summed over the partitions (0 before any). */
    private long position(String database) {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "select coalesce(sum(next_offset), 0) from projection_position where projection = 'articles'")) {
            row.next();
            return row.getLong(1);
        } catch (SQLException notYet) {
            return 0; // before Flyway made the table
        }
    }

    private void execute(String database, String sql) throws SQLException {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + dbPort + "/" + database, PostgresServer.USER, "");
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    private void deleteTopic(String topic) {
        try (Admin admin = admin()) {
            admin.deleteTopics(List.of(topic)).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException ignored) {
            // left behind: named after the run
        }
    }
}
