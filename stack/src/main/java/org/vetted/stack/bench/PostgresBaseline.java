package org.vetted.stack.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * What the PostgreSQL server under the stack does for plain JDBC: one row of an article event's size inserted and
 * committed per transaction, each client on its own connection, in a database of the bench's own.
 */
final class PostgresBaseline {
    static final String DATABASE = "vetted_bench";

    private final int port;
    private final String user;
    private final byte[] payload;

    PostgresBaseline(int port, String user, int rowBytes) {
        this.port = port;
        this.user = user;
        this.payload = new byte[rowBytes];
        new Random(19).nextBytes(payload);
    }

    static String name(int connections) {
        return "postgres insert+commit, " + connections + (connections == 1 ? " connection" : " connections");
    }

    /** Creates the bench's database and table when missing. */
    void prepare() throws SQLException {
        try (Connection admin = connect("postgres");
                Statement statement = admin.createStatement()) {
            boolean exists;
            try (var row = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                exists = row.next();
            }
            if (!exists) {
                statement.execute("create database " + DATABASE);
            }
        }
        try (Connection connection = connect(DATABASE);
                Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists bench_event ("
                    + "id bigserial primary key, article_id text not null, payload bytea not null, "
                    + "created_at timestamptz not null default now())");
        }
    }

    Figure insertAndCommit(int connections, ClosedLoop.Window window) throws Exception {
        List<Connection> open = new ArrayList<>();
        List<PreparedStatement> inserts = new ArrayList<>();
        try {
            for (int i = 0; i < connections; i++) {
                Connection connection = connect(DATABASE);
                connection.setAutoCommit(false);
                open.add(connection);
                inserts.add(connection.prepareStatement("insert into bench_event (article_id, payload) values (?, ?)"));
            }
            ClosedLoop.Result result = ClosedLoop.run(connections, window, (client, sequence) -> {
                PreparedStatement insert = inserts.get(client);
                insert.setString(1, UUID.randomUUID().toString());
                insert.setBytes(2, payload);
                insert.executeUpdate();
                open.get(client).commit();
            });
            return result.figure(name(connections), "rows", null);
        } finally {
            for (Connection connection : open) {
                connection.close();
            }
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + database, user, "");
    }
}
