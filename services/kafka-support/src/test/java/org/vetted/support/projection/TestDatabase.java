package org.vetted.support.projection;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL for the tests, started once per JVM from Maven artifacts (no Docker), with a fresh database
 * for each caller so tests never see each other's projections. Shared with the services' tests through this
 * module's test jar.
 */
public final class TestDatabase {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    /** A new, empty database; its JDBC URL (user postgres, no password). */
    public static synchronized String fresh() {
        try {
            if (server == null) {
                server = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException ignored) {
                        // the JVM is ending anyway
                    }
                }));
            }
            String name = "projection_" + DATABASES.incrementAndGet();
            try (Connection connection = server.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("create database " + name);
            }
            return server.getJdbcUrl("postgres", name);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a test database", e);
        }
    }

    /** A fresh database migrated with {@code flywayLocations}, as the service's Flyway would migrate it. */
    public static DataSource migrated(String... flywayLocations) {
        DataSource dataSource = new DriverManagerDataSource(fresh(), "postgres", "");
        Flyway.configure()
                .dataSource(dataSource)
                .locations(flywayLocations)
                .load()
                .migrate();
        return dataSource;
    }

    /** Points a Spring test's data source at a fresh database. */
    public static void register(DynamicPropertyRegistry registry) {
        String url = fresh();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    /**
     * Waits until some session on {@code database} is blocked on a lock (an advisory lock, a row, a table), as
     * PostgreSQL itself reports it: proof that a step waits for another, with no sleep to guess how long it takes.
     */
    public static void awaitLockWaiter(DataSource database) {
        JdbcTemplate jdbc = new JdbcTemplate(database);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (jdbc.queryForObject(
                        "select count(*) from pg_stat_activity where datname = current_database()"
                                + " and wait_event_type = 'Lock'",
                        Integer.class)
                == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no session waited on a lock within 30 s");
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }

    private TestDatabase() {}
}
