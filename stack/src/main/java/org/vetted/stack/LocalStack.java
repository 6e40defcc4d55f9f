package org.vetted.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.vetted.stack.bench.Bench;
import org.vetted.stack.importer.ImportCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Starts a real Kafka cluster (one node, or three) and the four services, waits until all are healthy, stops all on exit. */
@Command(
        name = "vetted-stack",
        mixinStandardHelpOptions = true,
        subcommands = {TailEvents.class, KeyGen.class, Bench.class, ImportCommand.class},
        description =
                "Runs the Vetted pipeline on this machine: a KRaft Kafka broker, PostgreSQL, plus intake, review, rendering "
                        + "and distribution. Ctrl-C stops everything it started.")
public final class LocalStack implements Callable<Integer> {
    @Option(
            names = "--data-dir",
            defaultValue = ".vetted-local",
            description = "Broker data and logs (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(
            names = "--services-dir",
            defaultValue = "services",
            description = "Where the services' target/*.jar are (default: ${DEFAULT-VALUE}).")
    Path servicesDir;

    @Option(
            names = "--kafka-port",
            defaultValue = "9092",
            description = "Broker port; with --brokers 3 the first "
                    + "of 9092, 9094, 9096, each controller on the next port (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(
            names = "--brokers",
            defaultValue = "1",
            description = "1, or 3 for a replicated cluster (replication "
                    + "3, min.insync.replicas 2): one node can be down (default: ${DEFAULT-VALUE}).")
    int brokers;

    @Option(
            names = "--db-port",
            defaultValue = "5432",
            description = "PostgreSQL port (intake's articles, distribution's pages; "
                    + "data in <data-dir>/postgres) (default: ${DEFAULT-VALUE}).")
    int dbPort;

    @Option(
            names = "--profile",
            defaultValue = "local",
            description = "Spring profile for the services; 'local' has the demo accounts (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--broker-only", description = "Start only the broker (to run services from an IDE).")
    boolean brokerOnly;

    @Override
    public Integer call() throws Exception {
        KafkaCluster broker = new KafkaCluster(dataDir, brokers, kafkaPort);
        PostgresServer database = new PostgresServer(dataDir.resolve("postgres"), dbPort);
        ServiceFleet fleet = new ServiceFleet(ServiceFleet.DEFAULT_SERVICES).withDatabase(database);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("Stopping services and broker...");
                            fleet.close();
                            database.close();
                            broker.close();
                            stopped.countDown();
                        },
                        "vetted-stack-shutdown"));

        System.out.println("Starting Kafka (KRaft, " + (brokers == 1 ? "single node" : brokers + " nodes") + ") on "
                + broker.bootstrapServers() + ", data in " + dataDir.toAbsolutePath());
        broker.start(Duration.ofMinutes(2));
        if (!brokerOnly) {
            System.out.println("Starting PostgreSQL on port " + dbPort + " (databases " + ServiceFleet.DATABASES + ")");
            database.start(ServiceFleet.DATABASES);
            System.out.println("Starting intake, review, rendering and distribution (logs in "
                    + dataDir.resolve("logs").toAbsolutePath() + ")");
            List<String> args = new ArrayList<>(broker.serviceArgs());
            args.add("--spring.profiles.active=" + profile);
            fleet.start(servicesDir, broker.bootstrapServers(), args, dataDir.resolve("logs"));
            fleet.awaitHealthy(Duration.ofMinutes(4));
        }
        printSummary(broker, fleet);
        stopped.await();
        return 0;
    }

    private void printSummary(KafkaCluster broker, ServiceFleet fleet) {
        System.out.println();
        System.out.println("Vetted is up. Kafka: " + broker.bootstrapServers()
                + (brokerOnly ? "" : ", PostgreSQL: localhost:" + dbPort));
        if (!brokerOnly) {
            for (ServiceFleet.Service service : fleet.services()) {
                System.out.printf("  %-13s %s%n", service.name(), service.baseUrl());
            }
            System.out.println("  public site: http://localhost:8084/ (pages at /articles/{slug}, feed: /feed.json)");
            System.out.println("Demo accounts (profile local), user/password:");
            System.out.println("  writers:            wanda/wanda-pass, walter/walter-pass");
            System.out.println("  medical reviewers:  rita/rita-pass (MD), paul/paul-pass (PharmD)");
            System.out.println("  writer + reviewer:  dana/dana-pass (RD)");
            System.out.println("  editor:             eddie/eddie-pass");
        }
        System.out.println("Press Ctrl-C to stop everything.");
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new LocalStack()).execute(args));
    }
}
