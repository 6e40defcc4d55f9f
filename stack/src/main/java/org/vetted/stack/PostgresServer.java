package org.vetted.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A real PostgreSQL server (binaries from Maven artifacts) for the services that keep a shared projection, with a
 * database per service. Its data directory outlives a restart, as the broker's log does: the projections and the
 * log they were built from must be kept, or emptied, together.
 */
public final class PostgresServer implements AutoCloseable {
    /** The superuser the embedded server trusts on localhost, without a password. */
    public static final String USER = "postgres";

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres server;

    public PostgresServer(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /** Starts the server (initialising the data directory the first time) and creates the missing databases. */
    public PostgresServer start(Collection<String> databases) {
        try {
            Files.createDirectories(dataDir);
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPgBinaryResolver(PostgresServer::binaries)
                    .start();
            try (Connection connection = server.getPostgresDatabase().getConnection()) {
                for (String database : databases) {
                    createIfMissing(connection, database);
                }
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start in " + dataDir, e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the services' databases", e);
        }
    }

    /**
     * The binaries of the first jar on the classpath that has them. The library's own resolver refuses to choose
     * when two classpath entries hold them, as happens in a reactor build where this module's jar also brings its
     * {@code lib/} folder through its manifest.
     */
    private static InputStream binaries(String system, String hardware) throws IOException {
        String base = "postgres-" + system.toLowerCase(Locale.ROOT) + "-" + hardware;
        List<String> names = Files.exists(Path.of("/etc/alpine-release"))
                ? List.of(base + "-alpine_linux.txz", base + ".txz")
                : List.of(base + ".txz");
        for (String name : names) {
            InputStream binaries = PostgresServer.class.getClassLoader().getResourceAsStream(name);
            if (binaries != null) {
                return binaries;
            }
        }
        throw new IOException("no PostgreSQL binaries " + names + " on the classpath (io.zonky.test.postgres)");
    }

    private static void createIfMissing(Connection connection, String database) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet row = exists.executeQuery()) {
                if (row.next()) {
                    return;
                }
            }
        }
        try (Statement create = connection.createStatement()) {
            // Names come from the service list, never from input; quoted all the same.
            create.execute("create database \"" + database.replace("\"", "") + "\"");
        }
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of one service's database. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /**
     * The server's main process (the first line of its {@code postmaster.pid}), whose children are the connections'
     * processes; empty when it is not running. The server detaches from the process that started it, so it is not
     * among that process's descendants.
     */
    public Optional<Long> pid() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            return lines.isEmpty()
                    ? Optional.empty()
                    : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            server = null;
        }
    }
}
