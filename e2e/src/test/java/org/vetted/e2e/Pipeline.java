package org.vetted.e2e;

import static org.vetted.e2e.Scale.freePort;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.vetted.stack.PostgresServer;
import org.vetted.stack.ServiceFleet;

/** The four shipped service jars and their database, running against one broker or cluster for the scenarios. */
record Pipeline(
        ServiceFleet fleet,
        PostgresServer database,
        KafkaProbe kafka,
        Journeys journeys,
        String intake,
        String review,
        String rendering,
        String distribution,
        Path logs)
        implements AutoCloseable {
    /** The bearer token the services' /actuator/prometheus takes in the scenarios. */
    static final String METRICS_TOKEN = "e2e-metrics-scraper-token";

    /**
     * Starts the services against {@code bootstrapServers}, with Spring properties of the cluster (its replication),
     * and waits until every one is healthy. {@code name} names the run's logs and database directory.
     */
    static Pipeline start(String name, String bootstrapServers, List<String> clusterArgs) throws Exception {
        List<ServiceFleet.Service> services = new ArrayList<>();
        for (String service : List.of("intake", "review", "rendering", "distribution")) {
            services.add(new ServiceFleet.Service(service, freePort()));
        }
        Path logs = Path.of(System.getProperty("vetted.logs.dir", "target/service-logs"), name);
        // A new data directory per run: the projection must be built from this broker's log alone.
        Path pgData = Path.of("target", "postgres", name + "-" + System.currentTimeMillis());
        PostgresServer database = new PostgresServer(pgData, freePort()).start(ServiceFleet.DATABASES);
        ServiceFleet fleet = new ServiceFleet(services).withDatabase(database);
        String intake = services.get(0).baseUrl();
        String review = services.get(1).baseUrl();
        Pipeline pipeline = new Pipeline(
                fleet,
                database,
                new KafkaProbe(bootstrapServers),
                new Journeys(intake, review),
                intake,
                review,
                services.get(2).baseUrl(),
                services.get(3).baseUrl(),
                logs);
        List<String> args = new ArrayList<>(clusterArgs);
        args.addAll(List.of(
                "--spring.profiles.active=local",
                "--vetted.public-base-url=" + pipeline.distribution,
                "--vetted.metrics.token=" + METRICS_TOKEN,
                // ReReviewScenarios: approvals fall due and expire within the run (review reads these alone).
                "--vetted.review.re-review.interval=" + ReReviewScenarios.INTERVAL,
                "--vetted.review.re-review.notice=" + ReReviewScenarios.NOTICE,
                "--vetted.review.re-review.poll=PT1S"));
        try {
            fleet.start(
                    Path.of(System.getProperty("vetted.services.dir", "../services")), bootstrapServers, args, logs);
            fleet.awaitHealthy(Duration.ofMinutes(5));
        } catch (Exception | Error failed) {
            pipeline.close();
            throw failed;
        }
        return pipeline;
    }

    @Override
    public void close() {
        fleet.close();
        database.close();
    }
}
