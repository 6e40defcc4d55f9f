package org.vetted.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compose/postgres-roles.sql on a real PostgreSQL (the stack's, from Maven artifacts), as the image's init runs it
 * through psql: each service's role can create its schema in its own database (Flyway) and cannot connect to
 * another's. The psql variables are put in as SQL literals, as psql's :'name' does.
 */
class ComposePostgresRolesTest {
    private static final List<String> SERVICES = List.of("intake", "review", "distribution");

    @TempDir
    static Path dataDir;

    private static PostgresServer server;

    @BeforeAll
    static void runTheInit() throws IOException, SQLException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = new PostgresServer(dataDir.resolve("pg"), port).start(List.of());
        String sql = Files.readString(ComposeFileTest.ROOT.resolve("compose/postgres-roles.sql"));
        Matcher variable = Pattern.compile(":'(\\w+)'").matcher(sql);
        StringBuilder script = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(script, Matcher.quoteReplacement("'" + variable.group(1) + "-secret'"));
        }
        variable.appendTail(script);
        try (Connection superuser = connect("postgres", PostgresServer.USER);
                Statement statement = superuser.createStatement()) {
            for (String command : script.toString().replaceAll("--[^\n]*", "").split(";")) {
                if (!command.isBlank()) {
                    statement.execute(command);
                }
            }
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Connection connect(String database, String user) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(database), user, user + "_password-secret");
    }

    @Test
    void eachRoleLogsInWithoutPrivilegesAndOwnsItsDatabase() throws SQLException {
        try (Connection superuser = connect("postgres", PostgresServer.USER);
                Statement statement = superuser.createStatement()) {
            for (String service : SERVICES) {
                try (ResultSet role = statement.executeQuery("select rolcanlogin, rolsuper, rolcreatedb, "
                        + "rolcreaterole, rolreplication, rolbypassrls, (select pg_get_userbyid(datdba) from "
                        + "pg_database where datname = '" + service + "') from pg_roles where rolname = '"
                        + service + "'")) {
                    assertTrue(role.next(), service + " has a role");
                    assertTrue(role.getBoolean(1), service + " logs in");
                    for (int privilege = 2; privilege <= 6; privilege++) {
                        assertFalse(
                                role.getBoolean(privilege),
                                service + ": " + role.getMetaData().getColumnName(privilege));
                    }
                    assertEquals(service, role.getString(7), "owner of the " + service + " database");
                }
            }
        }
    }

    @Test
    void aRoleMakesItsSchemaInItsOwnDatabaseAndReachesNoOther() throws SQLException {
        for (String service : SERVICES) {
            try (Connection own = connect(service, service);
                    Statement statement = own.createStatement()) {
                // What Flyway does first, then a migration.
                statement.execute("create table flyway_check (id int primary key)");
                statement.execute("insert into flyway_check values (1)");
                statement.execute("drop table flyway_check");
                assertThrows(SQLException.class, () -> statement.execute("create database " + service + "_more"));
                assertThrows(SQLException.class, () -> statement.execute("create role " + service + "_more"));
            }
            for (String other : List.of("intake", "review", "distribution", "postgres")) {
                if (!other.equals(service)) {
                    SQLException refused = assertThrows(
                            SQLException.class,
                            () -> connect(other, service).close(),
                            service + " connects to " + other);
                    assertTrue(refused.getMessage().contains("permission denied"), refused.getMessage());
                }
            }
        }
    }

    @Test
    void theSuperuserStillReachesEveryDatabase() throws SQLException {
        for (String database : SERVICES) {
            connect(database, PostgresServer.USER).close();
        }
    }
}
