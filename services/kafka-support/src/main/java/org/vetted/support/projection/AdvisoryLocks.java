package org.vetted.support.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Runs work while holding a PostgreSQL advisory lock on a key (an article id, a library key), so every instance of a
 * service sharing the database does one such step at a time per key: check, publish to Kafka, record. The lock is a
 * transaction-scoped lock on a connection of its own, outside Spring's transactions (a Kafka send must not join a
 * database transaction), released when that transaction ends or the connection dies.
 * <p>
 * Work on the same key in this instance waits on a local lock first, not on a database connection each; lock holders
 * are bounded, since each keeps one connection for the lock and borrows another for its work, and the pool must keep
 * connections for the consumer and for reads. Work that needs several keys takes them in one call; work that holds
 * locks of one instance of this class and takes more of another must always do so in the same order.
 */
public final class AdvisoryLocks {
    private static final int STRIPES = 64;

    private final DataSource dataSource;
    private final int space;
    private final ReentrantLock[] localLocks = new ReentrantLock[STRIPES];
    private final Semaphore lockConnections;

    /**
     * @param space          the first key of the advisory locks, one per kind of key (the second is the key's hash)
     * @param maxLockHolders how many keys this instance locks at once: under half the connection pool
     */
    public AdvisoryLocks(DataSource dataSource, int space, int maxLockHolders) {
        this.dataSource = dataSource;
        this.space = space;
        this.lockConnections = new Semaphore(maxLockHolders, true);
        for (int i = 0; i < STRIPES; i++) {
            localLocks[i] = new ReentrantLock();
        }
    }

    public <T> T exclusively(String key, Supplier<T> work) {
        return exclusively(List.of(key), work);
    }

    /**
     * Runs work holding the locks of all these keys, taken in one order (by their hash) on one connection, so two
     * callers wanting overlapping keys never wait for each other crosswise.
     */
    public <T> T exclusively(Collection<String> keys, Supplier<T> work) {
        SortedSet<Integer> hashes = new TreeSet<>();
        keys.forEach(key -> hashes.add(key.hashCode()));
        SortedSet<Integer> stripes = new TreeSet<>();
        hashes.forEach(hash -> stripes.add(Math.floorMod(hash, STRIPES)));
        List<ReentrantLock> held = new ArrayList<>();
        try {
            for (int stripe : stripes) {
                localLocks[stripe].lock();
                held.add(localLocks[stripe]);
            }
            lockConnections.acquireUninterruptibly();
            try {
                Connection connection = lock(hashes);
                try {
                    return work.get();
                } finally {
                    end(connection);
                }
            } finally {
                lockConnections.release();
            }
        } finally {
            for (int i = held.size() - 1; i >= 0; i--) {
                held.get(i).unlock();
            }
        }
    }

    /**
     * A connection in a transaction that holds the advisory locks (waiting for them if another does). The transaction
     * stays idle while the work publishes to Kafka, so a server-side idle-in-transaction timeout must not end it and
     * drop the locks unnoticed.
     */
    private Connection lock(SortedSet<Integer> hashes) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (Statement settings = connection.createStatement()) {
                settings.execute("set local idle_in_transaction_session_timeout = 0");
            }
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?, ?)")) {
                for (int hash : hashes) {
                    lock.setInt(1, space);
                    lock.setInt(2, hash);
                    lock.execute();
                }
            }
            return connection;
        } catch (SQLException e) {
            end(connection);
            throw new DataAccessResourceFailureException("could not lock " + hashes.size() + " keys", e);
        }
    }

    /**
     * Ends the lock's transaction, which releases the lock. A failure here is not the work's: a connection that
     * cannot roll back is broken, and PostgreSQL releases the locks of a session that ends.
     */
    private static void end(Connection connection) {
        if (connection == null) {
            return;
        }
        try (connection) {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // see above
        }
    }
}
