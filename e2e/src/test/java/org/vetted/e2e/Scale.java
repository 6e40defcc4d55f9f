package org.vetted.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.vetted.stack.PostgresServer;
import org.vetted.stack.ServiceFleet;

/** What the tests that run several instances share: ports, timing, teardown and the report they leave. */
final class Scale {

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Sleeps; an interrupt ends the pause early and stays set for the caller to see. */
    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Clients first, the broker last, so nothing is left talking to what is gone; null where start() stopped short. */
    static void tearDown(
            AutoCloseable client, ServiceFleet fleet, PostgresServer database, EmbeddedKafkaKraftBroker broker)
            throws Exception {
        if (client != null) {
            client.close();
        }
        if (fleet != null) {
            fleet.close();
        }
        if (database != null) {
            database.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    /** The measurements of one test: printed as they come, written to {@code target/<name>-report.md} at the end. */
    static final class Report {
        private final String name;
        private final List<String> lines = new ArrayList<>();

        Report(String name) {
            this.name = name;
        }

        void note(String format, Object... args) {
            String line = String.format(Locale.ROOT, format, args);
            lines.add("- " + line);
            System.out.println("[" + name + "] " + line);
        }

        void write() throws IOException {
            if (!lines.isEmpty()) {
                String text = String.join("\n", lines) + "\n";
                System.out.println(text);
                Files.writeString(Path.of("target", name + "-report.md"), text, StandardCharsets.UTF_8);
            }
        }
    }

    private Scale() {}
}
