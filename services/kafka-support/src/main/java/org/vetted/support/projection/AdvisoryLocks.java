package org.vetted.support.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
 * connections for the consumer and for reads. Not reentrant across keys' stripes: work must not take a second key.
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
        ReentrantLock local = localLocks[Math.floorMod(key.hashCode(), STRIPES)];
        local.lock();
        try {
            lockConnections.acquireUninterruptibly();
            try {
                Connection connection = lock(key);
                try {
                    return work.get();
                } finally {
                    end(connection);
                }
            } finally {
                lockConnections.release();
            }
        } finally {
            local.unlock();
        }
    }

    /** A connection in a transaction that holds the key's advisory lock (waiting for it if another does). */
    private Connection lock(String key) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?, ?)")) {
                lock.setInt(1, space);
                lock.setInt(2, key.hashCode());
                lock.execute();
            }
            return connection;
        } catch (SQLException e) {
            end(connection);
            throw new DataAccessResourceFailureException("could not lock " + key, e);
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
