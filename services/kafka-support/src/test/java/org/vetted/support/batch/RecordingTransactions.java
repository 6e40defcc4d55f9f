package org.vetted.support.batch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * A transaction manager that writes "begin", "commit" and "rollback" into {@link #log}, which a test shares with its
 * sends and answers to see their order; the Kafka transaction manager does the same over the binder's producer. Commit
 * number {@link #failCommit} (1 is the first; 0: none) throws {@link #failure} instead.
 */
public final class RecordingTransactions extends AbstractPlatformTransactionManager {
    public final List<String> log = Collections.synchronizedList(new ArrayList<>());

    public volatile int failCommit;
    public volatile RuntimeException failure = new IllegalStateException("the commit failed");
    private int commits;

    @Override
    protected Object doGetTransaction() {
        return new Object();
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        log.add("begin");
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        if (++commits == failCommit) {
            throw failure;
        }
        log.add("commit");
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {
        log.add("rollback");
    }
}
