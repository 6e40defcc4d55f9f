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
    static final List<String> STEPS =
            List.of("kafka", "postgres", "intake", "review", "pipeline", "projection", "queue", "journey");

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
            names = "--review-url",
            defaultValue = "http://localhost:8082",
            description = "With --use-running: review (default: ${DEFAULT-VALUE}).")
    String reviewUrl;

    @Option(
            names = "--review-articles",
            defaultValue = "100",
            description = "Articles the review step decides: the intake step's drafts, topped up to this many "
                    + "(default: ${DEFAULT-VALUE}).")
    int reviewArticles;

    @Option(
            names = "--sign-offs",
            defaultValue = "8",
            description =
                    "Articles signed off in the review step, all claims decided first (default: ${DEFAULT-VALUE}).")
    int signOffs;

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
            defaultValue = "PT1S",
            description = "Load before each measured window (default: ${DEFAULT-VALUE}).")
    Duration warmUp;

    @Option(
            names = "--duration",
            defaultValue = "PT4S",
            description = "Each measured window (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(
            names = "--min-operations",
            defaultValue = "0",
            description = "Each HTTP, database and full-rate pipeline window lasts until at least this many "
                    + "operations ended in it (at most 2 minutes more than --duration): for a tiny smoke run on a busy "
                    + "machine; 0 keeps every window exactly --duration (default: ${DEFAULT-VALUE}).")
    int minOperations;

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
            names = "--backlog",
            defaultValue = "2000",
            description = "Approvals written at once (one transaction) for the pipeline to drain; 0 leaves the "
                    + "backlog figure out (default: ${DEFAULT-VALUE}).")
    int backlog;

    @Option(
            names = "--projection-records",
            defaultValue = "100000",
            description = "Records the projection step rebuilds intake's status view from (default: ${DEFAULT-VALUE}).")
    int projectionRecords;

    @Option(
            names = "--queue-articles",
            defaultValue = "100000",
            description =
                    "Open revisions added to review's queue before its pages are read (default: ${DEFAULT-VALUE}).")
    int queueArticles;

    @Option(
            names = "--journey-writers",
            split = ",",
            defaultValue = "1,4",
            description =
                    "Concurrent writers (each with two reviewers) of the whole-journey step, one measurement each "
                            + "(default: ${DEFAULT-VALUE}).")
    List<Integer> journeyWriters;

    @Option(
            names = "--journey-duration",
            defaultValue = "PT30S",
            description =
                    "The whole-journey step's measured window: an article takes seconds (default: ${DEFAULT-VALUE}).")
    Duration journeyDuration;

    @Option(
            names = "--record-bytes",
            defaultValue = "4096",
            description = "Record and row size of the raw baselines (default: ${DEFAULT-VALUE}, an article event).")
    int recordBytes;

    @Option(
            names = "--steps",
            split = ",",
            defaultValue = "kafka,postgres,intake,review,pipeline,projection",
            description = "What to measure, in this order (default: ${DEFAULT-VALUE}).")
    List<String> steps;

    @Option(
            names = "--out",
            defaultValue = "target/bench",
            description = "Where the JSON goes, as <timestamp>.json (default: ${DEFAULT-VALUE}).")
    Path out;

    /** Where the processes the bench starts write their logs. */
    private Path logDir;

    @Override
    public Integer call() throws Exception {
        for (String step : steps) {
            if (!STEPS.contains(step)) {
                throw new IllegalArgumentException("--steps takes " + STEPS + ", not " + step);
            }
        }
        if (backlog < 0) {
            throw new IllegalArgumentException("--backlog is 0 or more, not " + backlog);
        }
        window(); // refuses a negative --min-operations before anything starts
        Instant startedAt = Instant.now();
        Target target = useRunning ? Target.running(bootstrapServers, dbPort, intakeUrl, reviewUrl) : null;
        Path ownData = null;
        Runnable stop = () -> {};
        CpuMeter cpu = new CpuMeter(Map.of());
        if (target == null) {
            ownData = dataDir != null
                    ? dataDir
                    : out.resolve("stack-" + startedAt.toString().replace(":", ""));
            Started started = start(ownData);
            target = started.target();
            stop = started::close;
            cpu = new CpuMeter(started.pids(), started.database().pid());
        }
        Runnable stopOnce = once(stop);
        Thread hook = new Thread(stopOnce, "vetted-bench-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            BenchReport report = new BenchReport(startedAt, setup(target));
            logDir = (ownData != null ? ownData : out).resolve("logs");
            measure(target, report, cpu);
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

    private void measure(Target target, BenchReport report, CpuMeter cpu) throws Exception {
        String baseline = steps.contains("kafka") ? KafkaBaselines.TRANSACTIONAL_PRODUCE : null;
        HttpIntakeLoad intake = new HttpIntakeLoad(target.intakeUrl());
        for (String step : steps) {
            Map<String, Duration> cpuBefore = cpu.read();
            long began = System.nanoTime();
            switch (step) {
                case "kafka" -> kafka(target, report);
                case "postgres" -> postgres(target, report);
                case "intake" -> {
                    for (int n : clients) {
                        progress(HttpIntakeLoad.name(n));
                        record(report, intake.run(n, window()), HttpIntakeLoad.name(n), "drafts", baseline);
                    }
                }
                case "review" -> review(target, report, intake, baseline);
                case "pipeline" -> pipeline(target, report, baseline);
                case "projection" -> projection(target, report);
                case "queue" -> queue(target, report);
                case "journey" -> journey(target, report, baseline);
                default -> throw new IllegalStateException(step);
            }
            report.note("CPU cores used during the " + step + " step: "
                    + CpuMeter.cores(cpuBefore, cpu.read(), Duration.ofNanos(System.nanoTime() - began)) + ".");
        }
        String memory = cpu.peakResidentMemory();
        if (!memory.isEmpty()) {
            report.note("Peak resident memory of the services (MiB): " + memory + ".");
        }
    }

    private void kafka(Target target, BenchReport report) throws Exception {
        KafkaBaselines kafka = new KafkaBaselines(target.bootstrapServers(), recordBytes, window());
        int partitions = kafka.createTopicLike("vetted-bench.raw", Topics.APPROVED);
        kafka.createTopicLike("vetted-bench.transactional", Topics.APPROVED);
        report.note("Kafka baselines: one producer, " + recordBytes + "-byte records, random keys over " + partitions
                + " partitions (as " + Topics.APPROVED + ").");
        progress("Kafka: producer, acks=all");
        report.add(kafka.plainProduce("vetted-bench.raw"));
        progress("Kafka: consumer");
        report.add(kafka.consume("vetted-bench.raw"));
        progress("Kafka: transactional producer, 100 ms transactions");
        report.add(kafka.transactionalProduce("vetted-bench.transactional", Duration.ofMillis(100)));
        progress("Kafka: one transaction per record");
        report.add(kafka.perRecordTransactions("vetted-bench.transactional"));
    }

    private void postgres(Target target, BenchReport report) throws Exception {
        PostgresBaseline postgres = new PostgresBaseline(target.dbPort(), PostgresServer.USER, recordBytes);
        postgres.prepare();
        for (int connections : dbConnections) {
            progress(PostgresBaseline.name(connections));
            report.add(postgres.insertAndCommit(connections, window()));
        }
    }

    private void review(Target target, BenchReport report, HttpIntakeLoad intake, String baseline) throws Exception {
        int missing = reviewArticles - intake.articleIds().size();
        if (missing > 0) {
            progress("HTTP review: submitting " + missing + " more drafts to review");
            intake.submit(missing, 16);
        }
        HttpReviewLoad review = new HttpReviewLoad(target.reviewUrl());
        int decisions = review.prepare(intake.articleIds(), Duration.ofMinutes(2));
        report.note("HTTP review: " + intake.articleIds().size() + " articles, " + decisions
                + " claim decisions to make (rita approves every claim, paul the four-eyes ones too; one article per "
                + "client at a time).");
        for (int n : clients) {
            progress(HttpReviewLoad.decisionsName(n));
            record(report, review.decide(n, window()), HttpReviewLoad.decisionsName(n), "decisions", baseline);
        }
        progress("HTTP review: deciding every claim of " + signOffs + " articles for the sign-offs");
        review.prepareSignOffs(signOffs, 16);
        int signers = Math.min(16, review.awaitingSignOff());
        if (signers > 0) {
            String name = HttpReviewLoad.signOffsName(signers);
            progress(name + " (" + review.awaitingSignOff() + " articles, no warm-up)");
            record(report, review.signOff(signers, window().withoutWarmUp()), name, "sign-offs", baseline);
            report.note("Sign-offs: measured at one client count on the articles whose claims were all decided, "
                    + "without warm-up (deciding enough claims for more takes long at today's rates).");
        }
    }

    private void pipeline(Target target, BenchReport report, String baseline) throws Exception {
        try (PipelineLoad pipeline = new PipelineLoad(target.bootstrapServers())) {
            progress("Pipeline: " + inFlight + " articles in flight");
            Figure full = pipeline.fullRate(inFlight, window(), baseline);
            report.add(full);
            double half = Math.max(full.perSecond() / 2, 0.5);
            progress(String.format(Locale.ROOT, "Pipeline: %.1f approvals/s", half));
            report.add(pipeline.fixedRate(
                    String.format(Locale.ROOT, "%s (%.1f/s offered)", PipelineLoad.HALF_RATE, half),
                    half,
                    duration,
                    baseline));
            if (backlog > 0) {
                progress("Pipeline: a backlog of " + backlog + " approvals, written in one transaction");
                Figure drained = pipeline.backlog(backlog, baseline);
                report.add(drained);
                report.note(String.format(
                        Locale.ROOT,
                        "Pipeline backlog: %d approvals committed in one transaction, drained to %s in %.1f s "
                                + "(rate and latencies from that commit).",
                        backlog,
                        Topics.PUBLISHED,
                        drained.operations() / Math.max(drained.perSecond(), 1e-9)));
            }
        }
    }

    /** The warm-up, window and --min-operations every closed-loop figure is measured with. */
    private ClosedLoop.Window window() {
        return new ClosedLoop.Window(warmUp, duration, minOperations);
    }

    private void projection(Target target, BenchReport report) throws Exception {
        String baseline = steps.contains("kafka") ? KafkaBaselines.CONSUME : null;
        ProjectionRebuild rebuild = new ProjectionRebuild(
                target.bootstrapServers(),
                target.dbPort(),
                servicesDir,
                logDir,
                List.of("--spring.profiles.active=local"));
        progress("Projection: writing " + projectionRecords + " signed drafts, then rebuilding intake's status view");
        ProjectionRebuild.Result result = rebuild.run(projectionRecords, freePort(), baseline, Duration.ofMinutes(30));
        report.add(result.figure());
        report.note(String.format(
                Locale.ROOT,
                "Projection rebuild: %d drafts written in %.1f s (signed by the bench, transactions of 1,000) to a "
                        + "topic of the bench's own; a new intake process (the stack's jar and JVM flags, an empty "
                        + "database, a group of its own) stored its first record %.1f s after launch; the rate is "
                        + "from that record to the last, as the service applies them.",
                projectionRecords,
                result.writing().toNanos() / 1e9,
                result.start().toNanos() / 1e9));
        if (result.replayCpu() != null) {
            report.note(String.format(
                    Locale.ROOT,
                    "Projection rebuild: the rebuilding intake used %.1f s of CPU during the replay, %.2f ms a record.",
                    result.replayCpu().toNanos() / 1e9,
                    result.replayCpu().toNanos()
                            / 1e6
                            / Math.max(result.figure().operations(), 1)));
        }
    }

    private void queue(Target target, BenchReport report) throws Exception {
        String baseline = steps.contains("postgres") ? PostgresBaseline.name(1) : null;
        ReviewQueueLoad queue = new ReviewQueueLoad(target.bootstrapServers(), target.dbPort(), target.reviewUrl());
        progress("Review queue: writing " + queueArticles + " signed drafts, waiting until review has them open");
        long began = System.nanoTime();
        int open = queue.load(queueArticles, Duration.ofMinutes(60));
        report.note(String.format(
                Locale.ROOT,
                "Review queue: %d drafts written to %s and open in review after %.1f s (%d open in all); each page "
                        + "is GET /api/reviews as rita, 25 articles.",
                queueArticles,
                Topics.DRAFT_SUBMITTED,
                (System.nanoTime() - began) / 1e9,
                open));
        for (String[] page : ReviewQueueLoad.PAGES) {
            for (int n : clients) {
                String name = ReviewQueueLoad.name(page[0], open, n);
                progress(name);
                record(report, queue.read(page[1], n, window()), name, "pages", baseline);
            }
        }
    }

    private void journey(Target target, BenchReport report, String baseline) throws Exception {
        try (JourneyLoad journey = new JourneyLoad(target.bootstrapServers(), target.intakeUrl(), target.reviewUrl())) {
            for (int n : journeyWriters) {
                String name = JourneyLoad.name(n);
                progress(name);
                record(report, journey.run(n, window().lasting(journeyDuration)), name, "articles", baseline);
            }
        }
        report.note("Whole journey: each operation is one article, from its POST /api/drafts to its record read on "
                + Topics.PUBLISHED + " (read_committed); in between the bench waits until review shows the draft, "
                + "decides every claim (rita; paul too on the four-eyes ones) and signs it off.");
    }

    private static void record(
            BenchReport report, ClosedLoop.Result result, String name, String unit, String baseline) {
        report.add(result.figure(name, unit, baseline));
        if (result.firstError() != null) {
            report.note(name + ": " + result.errors() + " failed in the window; the first failure of the step (warm-up "
                    + "included): " + result.firstError());
        }
        if (result.ranOut()) {
            report.note(name + ": clients ran out of work (" + result.operations() + " done in the window); "
                    + "--review-articles and --sign-offs give them more.");
        }
    }

    private Map<String, String> setup(Target target) {
        Map<String, String> setup = new LinkedHashMap<>();
        setup.put("stack", useRunning ? "running (--use-running)" : "started by the bench");
        setup.put("bootstrapServers", target.bootstrapServers());
        setup.put("warmUp", warmUp.toString());
        setup.put("duration", duration.toString());
        setup.put("minOperations", Integer.toString(minOperations));
        setup.put("clients", clients.toString());
        setup.put("dbConnections", dbConnections.toString());
        setup.put("inFlight", Integer.toString(inFlight));
        setup.put("backlog", Integer.toString(backlog));
        setup.put("recordBytes", Integer.toString(recordBytes));
        setup.put("availableProcessors", Integer.toString(Runtime.getRuntime().availableProcessors()));
        setup.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        setup.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return setup;
    }

    /** Where the stack under measurement answers. */
    record Target(String bootstrapServers, int dbPort, String intakeUrl, String reviewUrl) {
        static Target running(String bootstrapServers, int dbPort, String intakeUrl, String reviewUrl) {
            return new Target(bootstrapServers, dbPort, intakeUrl, reviewUrl);
        }
    }

    private record Started(Target target, KafkaCluster broker, PostgresServer database, ServiceFleet fleet) {
        Map<Long, String> pids() {
            Map<Long, String> pids = new LinkedHashMap<>();
            for (int i = 0; i < fleet.services().size(); i++) {
                pids.put(fleet.processes().get(i).pid(), fleet.services().get(i).name());
            }
            return pids;
        }

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
                        services.get(0).baseUrl(),
                        services.get(1).baseUrl()),
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
