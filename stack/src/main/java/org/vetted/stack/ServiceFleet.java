package org.vetted.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The four services as child JVMs, each from its Spring Boot jar, all pointed at one Kafka cluster.
 * Used by the local stack and by the end-to-end tests, so both run the very jars that ship.
 */
public final class ServiceFleet implements AutoCloseable {
    /** One instance of a service; several instances of a service differ by port. */
    public record Service(String name, int port) {
        public String baseUrl() {
            return "http://localhost:" + port;
        }

        /** What names this instance: its transactional ids, its log file when the service has several. */
        public String instanceId() {
            return name + "-" + port;
        }
    }

    /** The services that keep a projection in PostgreSQL, each in a database of its own name. */
    public static final List<String> DATABASES = List.of("intake", "review", "distribution");

    /**
     * The services' JVM flags: small heaps and C1 only, since four services and a broker share two cores at start.
     * {@code VETTED_SERVICE_JVM_OPTS} (space-separated) replaces them, so {@code bench} can compare other settings.
     */
    public static List<String> jvmFlags() {
        String chosen = System.getenv("VETTED_SERVICE_JVM_OPTS");
        return chosen == null || chosen.isBlank()
                ? List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")
                : List.of(chosen.strip().split("\\s+"));
    }

    public static final List<Service> DEFAULT_SERVICES = List.of(
            new Service("intake", 8081), new Service("review", 8082),
            new Service("rendering", 8083), new Service("distribution", 8084));

    private final List<Service> services;
    private final List<ManagedProcess> processes = new ArrayList<>();
    private Path servicesDir;
    private String bootstrapServers;
    private List<String> extraArgs;
    private Path logDir;
    private PostgresServer database;
    private final Map<String, Map<String, String>> environments = new HashMap<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public ServiceFleet(List<Service> services) {
        this.services = List.copyOf(services);
    }

    public List<Service> services() {
        return services;
    }

    /** Points the services of {@link #DATABASES} at their database on {@code server}; call before {@link #start}. */
    public ServiceFleet withDatabase(PostgresServer server) {
        this.database = server;
        return this;
    }

    /**
     * Environment variables for every instance of the service {@code name}, over the ones the fleet sets (as a
     * deployment's own settings would be: its Kafka credentials, its database role); call before {@link #start}.
     */
    public ServiceFleet withEnvironment(String name, Map<String, String> environment) {
        environments.put(name, Map.copyOf(environment));
        return this;
    }

    /**
     * Starts every service with {@code KAFKA_BOOTSTRAP_SERVERS} and {@code PORT} set, plus {@code extraArgs}
     * (Spring properties such as {@code --spring.profiles.active=local}).
     */
    public ServiceFleet start(Path servicesDir, String bootstrapServers, List<String> extraArgs, Path logDir)
            throws IOException {
        this.servicesDir = servicesDir;
        this.bootstrapServers = bootstrapServers;
        this.extraArgs = List.copyOf(extraArgs);
        this.logDir = logDir;
        for (Service service : services) {
            processes.add(launch(service));
        }
        return this;
    }

    /** Stops one service and starts it again, as an operator's restart or a crash would; waits until it is UP. */
    public void restart(String name, Duration timeout) throws IOException, InterruptedException {
        int i = indexOf(name);
        processes.get(i).stop(Duration.ofSeconds(20));
        processes.set(i, launch(services.get(i)));
        awaitHealthy(services.get(i), processes.get(i), System.nanoTime() + timeout.toNanos(), timeout);
    }

    /** The running process of a service, to kill or pause it as a fault would. */
    public ManagedProcess process(String name) {
        return processes.get(indexOf(name));
    }

    /** Starts a service whose process ended (killed, crashed), without stopping anything; does not wait. */
    public void relaunch(String name) throws IOException {
        int i = indexOf(name);
        processes.get(i).stop(Duration.ofSeconds(5));
        processes.set(i, launch(services.get(i)));
    }

    /** Waits until one service answers UP; fails with its log tail if it exits meanwhile. */
    public void awaitHealthy(String name, Duration timeout) throws InterruptedException {
        int i = indexOf(name);
        awaitHealthy(services.get(i), processes.get(i), System.nanoTime() + timeout.toNanos(), timeout);
    }

    /** Whether a service answers UP on /actuator/health right now. */
    public boolean isHealthy(String name) throws InterruptedException {
        return isUp(services.get(indexOf(name)));
    }

    /** The first instance of the service {@code name}, or the instance whose {@link Service#instanceId} it is. */
    private int indexOf(String name) {
        for (int i = 0; i < services.size(); i++) {
            if (services.get(i).name().equals(name)
                    || services.get(i).instanceId().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no service named " + name);
    }

    private ManagedProcess launch(Service service) throws IOException {
        Path jar = servicesDir.resolve(service.name()).resolve("target").resolve(service.name() + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("missing " + jar + ": build first (./mvnw -B -DskipTests install)");
        }
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("PORT", Integer.toString(service.port()));
        // A stable name per instance: after a restart its producers fence the transactions its predecessor left open.
        env.put("INSTANCE_ID", service.instanceId());
        if (DATABASES.contains(service.name())) {
            if (database == null) {
                throw new IllegalStateException(
                        service.name() + " keeps its projection in PostgreSQL: withDatabase first");
            }
            env.put("VETTED_DB_URL", database.jdbcUrl(service.name()));
            env.put("VETTED_DB_USER", PostgresServer.USER);
        }
        env.putAll(environments.getOrDefault(service.name(), Map.of()));
        boolean several = services.stream()
                        .filter(other -> other.name().equals(service.name()))
                        .count()
                > 1;
        String logName = several ? service.instanceId() : service.name();
        return ManagedProcess.javaJar(logName, jvmFlags(), jar, extraArgs, env, logDir.resolve(logName + ".log"));
    }

    /** Waits until every service answers UP on /actuator/health; fails with the log tail of one that died. */
    public void awaitHealthy(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < services.size(); i++) {
            awaitHealthy(services.get(i), processes.get(i), deadline, timeout);
        }
    }

    private void awaitHealthy(Service service, ManagedProcess process, long deadline, Duration timeout)
            throws InterruptedException {
        // UP only once the service has also replayed the state it serves from (OUT_OF_SERVICE until then).
        while (!isUp(service)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.name() + " exited during start:\n" + process.logTail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        service.name() + " not healthy within " + timeout + ":\n" + process.logTail());
            }
            Thread.sleep(500);
        }
    }

    private boolean isUp(Service service) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(3))
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException notYet) {
            return false;
        }
    }

    public List<ManagedProcess> processes() {
        return List.copyOf(processes);
    }

    @Override
    public void close() {
        processes.forEach(process -> process.stop(Duration.ofSeconds(20)));
    }
}
