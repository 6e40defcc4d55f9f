package org.vetted.stack.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.vetted.contract.Topics;
import org.vetted.stack.KafkaCluster;
import org.vetted.stack.PostgresServer;
import org.vetted.stack.ServiceFleet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stack.jar bench}: starts the stack (or uses a running one) and measures, in one run against the same broker
 * and database, Kafka's and PostgreSQL's raw rates and what the pipeline makes of them. Prints a table with each
 * figure's ratio to its baseline and writes it as JSON. Nothing here is asserted: it is a measuring tool.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measures the raw broker and database, HTTP intake and the event pipeline on this machine; "
                + "prints a table of figures with their ratio to the raw baselines and writes JSON to --out.")
public final class Bench implements Callable<Integer> {
    static final List<String> STEPS = List.of("kafka", "postgres", "intake", "pipeline");

    @Option(
            names = "--use-running",
            description = "Measure the stack already running (java -jar stack.jar) on its default ports "
                    + "instead of starting one.")
    boolean useRunning;

    @Option(
            names = "--bootstrap-server",
            defaultValue = "localhost:9092",
            description = "With --use-running: the broker (default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(
            names = "--db-port",
            defaultValue = "5432",
            description = "With --use-running: the PostgreSQL port (default: ${DEFAULT-VALUE}).")
    int dbPort;

    @Option(
            names = "--intake-url",
            defaultValue = "http://localhost:8081",
            description = "With --use-running: intake (default: ${DEFAULT-VALUE}).")
    String intakeUrl;

    @Option(
            names = "--services-dir",
            defaultValue = "services",
            description = "Where the services' target/*.jar are, when the bench starts the stack "
                    + "(default: ${DEFAULT-VALUE}).")
    Path servicesDir;

    @Option(
            names = "--data-dir",
            description = "Where a stack the bench starts keeps its data; default: a new folder under --out, "
                    + "deleted after the run.")
    Path dataDir;

    @Option(
            names = "--warm-up",
            defaultValue = "PT2S",
            description = "Load before each measured window (default: ${DEFAULT-VALUE}).")
    Duration warmUp;

    @Option(
            names = "--duration",
            defaultValue = "PT5S",
            description = "Each measured window (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(
            names = "--clients",
            split = ",",
            defaultValue = "1,16,64",
            description = "Concurrent HTTP clients, one measurement each (default: ${DEFAULT-VALUE}).")
    List<Integer> clients;

    @Option(
            names = "--db-connections",
            split = ",",
            defaultValue = "1,16",
            description = "Concurrent connections of the PostgreSQL baseline (default: ${DEFAULT-VALUE}).")
    List<Integer> dbConnections;

    @Option(
            names = "--in-flight",
            defaultValue = "16",
            description = "Articles between approval and publication at full rate (default: ${DEFAULT-VALUE}).")
    int inFlight;

    @Option(
            names = "--record-bytes",
            defaultValue = "4096",
            description = "Record and row size of the raw baselines (default: ${DEFAULT-VALUE}, an article event).")
    int recordBytes;

    @Option(
            names = "--steps",
            split = ",",
            defaultValue = "kafka,postgres,intake,pipeline",
            description = "What to measure, in this order (default: ${DEFAULT-VALUE}).")
    List<String> steps;

    @Option(
            names = "--out",
            defaultValue = "target/bench",
            description = "Where the JSON goes, as <timestamp>.json (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        for (String step : steps) {
            if (!STEPS.contains(step)) {
                throw new IllegalArgumentException("--steps takes " + STEPS + ", not " + step);
            }
        }
        Instant startedAt = Instant.now();
        Target target = useRunning ? Target.running(bootstrapServers, dbPort, intakeUrl) : null;
        Path ownData = null;
        Runnable stop = () -> {};
        if (target == null) {
            ownData = dataDir != null
                    ? dataDir
                    : out.resolve("stack-" + startedAt.toString().replace(":", ""));
            Started started = start(ownData);
            target = started.target();
            stop = started::close;
        }
        Runnable stopOnce = once(stop);
        Thread hook = new Thread(stopOnce, "vetted-bench-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            BenchReport report = new BenchReport(startedAt, setup(target));
            measure(target, report);
            System.out.println();
            System.out.println(report.table());
            Path file = report.write(out);
            System.out.println("Written to " + file);
            return 0;
        } finally {
            stopOnce.run();
            Runtime.getRuntime().removeShutdownHook(hook);
            if (ownData != null && dataDir == null) {
                deleteTree(ownData);
            }
        }
    }

    private void measure(Target target, BenchReport report) throws Exception {
        String baseline = steps.contains("kafka") ? KafkaBaselines.TRANSACTIONAL_PRODUCE : null;
        for (String step : steps) {
            switch (step) {
                case "kafka" -> {
                    KafkaBaselines kafka = new KafkaBaselines(target.bootstrapServers(), recordBytes, warmUp, duration);
                    int partitions = kafka.createTopicLike("vetted-bench.raw", Topics.APPROVED);
                    kafka.createTopicLike("vetted-bench.transactional", Topics.APPROVED);
                    report.note("Kafka baselines: one producer, " + recordBytes + "-byte records, random keys over "
                            + partitions + " partitions (as " + Topics.APPROVED + ").");
                    progress("Kafka: producer, acks=all");
                    report.add(kafka.plainProduce("vetted-bench.raw"));
                    progress("Kafka: consumer");
                    report.add(kafka.consume("vetted-bench.raw"));
                    progress("Kafka: transactional producer, 100 ms transactions");
                    report.add(kafka.transactionalProduce("vetted-bench.transactional", Duration.ofMillis(100)));
                    progress("Kafka: one transaction per record");
                    report.add(kafka.perRecordTransactions("vetted-bench.transactional"));
                }
                case "postgres" -> {
                    PostgresBaseline postgres = new PostgresBaseline(target.dbPort(), PostgresServer.USER, recordBytes);
                    postgres.prepare();
                    for (int connections : dbConnections) {
                        progress(PostgresBaseline.name(connections));
                        report.add(postgres.insertAndCommit(connections, warmUp, duration));
                    }
                }
                case "intake" -> {
                    HttpIntakeLoad intake = new HttpIntakeLoad(target.intakeUrl());
                    for (int n : clients) {
                        progress(HttpIntakeLoad.name(n));
                        ClosedLoop.Result result = intake.run(n, warmUp, duration);
                        report.add(result.figure(HttpIntakeLoad.name(n), "drafts", baseline));
                        if (result.firstError() != null) {
                            report.note(HttpIntakeLoad.name(n) + ": " + result.errors() + " failed, the first: "
                                    + result.firstError());
                        }
                    }
                }
                case "pipeline" -> {
                    try (PipelineLoad pipeline = new PipelineLoad(target.bootstrapServers())) {
                        progress("Pipeline: " + inFlight + " articles in flight");
                        Figure full = pipeline.fullRate(inFlight, warmUp, duration, baseline);
                        report.add(full);
                        double half = Math.max(full.perSecond() / 2, 0.5);
                        progress(String.format(Locale.ROOT, "Pipeline: %.1f approvals/s", half));
                        report.add(pipeline.fixedRate(
                                String.format(Locale.ROOT, "%s (%.1f/s offered)", PipelineLoad.HALF_RATE, half),
                                half,
                                duration,
                                baseline));
                    }
                }
                default -> throw new IllegalStateException(step);
            }
        }
    }

    private Map<String, String> setup(Target target) {
        Map<String, String> setup = new LinkedHashMap<>();
        setup.put("stack", useRunning ? "running (--use-running)" : "started by the bench");
        setup.put("bootstrapServers", target.bootstrapServers());
        setup.put("warmUp", warmUp.toString());
        setup.put("duration", duration.toString());
        setup.put("clients", clients.toString());
        setup.put("dbConnections", dbConnections.toString());
        setup.put("inFlight", Integer.toString(inFlight));
        setup.put("recordBytes", Integer.toString(recordBytes));
        setup.put("availableProcessors", Integer.toString(Runtime.getRuntime().availableProcessors()));
        setup.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        setup.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return setup;
    }

    /** Where the stack under measurement answers. */
    record Target(String bootstrapServers, int dbPort, String intakeUrl) {
        static Target running(String bootstrapServers, int dbPort, String intakeUrl) {
            return new Target(bootstrapServers, dbPort, intakeUrl);
        }
    }

    private record Started(Target target, KafkaCluster broker, PostgresServer database, ServiceFleet fleet) {
        void close() {
            progress("Stopping the services, PostgreSQL and the broker");
            fleet.close();
            database.close();
            broker.close();
        }
    }

    /** A stack of its own on free ports, so it runs beside a stack (or tests) already on this machine. */
    private Started start(Path data) throws IOException, InterruptedException {
        int kafkaPort = freePortPair();
        KafkaCluster broker = new KafkaCluster(data, 1, kafkaPort);
        PostgresServer database = new PostgresServer(data.resolve("postgres"), freePort());
        List<ServiceFleet.Service> services = new ArrayList<>();
        for (ServiceFleet.Service service : ServiceFleet.DEFAULT_SERVICES) {
            services.add(new ServiceFleet.Service(service.name(), freePort()));
        }
        ServiceFleet fleet = new ServiceFleet(services).withDatabase(database);
        Started started = new Started(
                new Target(
                        broker.bootstrapServers(),
                        database.port(),
                        services.get(0).baseUrl()),
                broker,
                database,
                fleet);
        try {
            progress("Starting Kafka on " + broker.bootstrapServers() + ", data in " + data.toAbsolutePath());
            broker.start(Duration.ofMinutes(2));
            progress("Starting PostgreSQL on port " + database.port());
            database.start(ServiceFleet.DATABASES);
            progress("Starting the four services (logs in "
                    + data.resolve("logs").toAbsolutePath() + ")");
            List<String> args = new ArrayList<>(broker.serviceArgs());
            args.add("--spring.profiles.active=local");
            fleet.start(servicesDir, broker.bootstrapServers(), args, data.resolve("logs"));
            fleet.awaitHealthy(Duration.ofMinutes(4));
            return started;
        } catch (IOException | InterruptedException | RuntimeException e) {
            started.close();
            throw e;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A free port whose next port is free too: the broker's, then its controller's. */
    private static int freePortPair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = freePort();
            if (port < 65535) {
                try (ServerSocket next = new ServerSocket(port + 1)) {
                    return port;
                } catch (IOException taken) {
                    // try another
                }
            }
        }
        throw new IOException("no two consecutive free ports");
    }

    private static Runnable once(Runnable action) {
        boolean[] done = {false};
        return () -> {
            synchronized (done) {
                if (!done[0]) {
                    done[0] = true;
                    action.run();
                }
            }
        };
    }

    private static void progress(String message) {
        System.out.println("[bench " + Instant.now().toString().substring(11, 19) + "] " + message);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
