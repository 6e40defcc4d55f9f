package org.vetted.support.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Group commit: concurrent callers {@link #submit} one item each and block; one committer thread takes everything
 * waiting (at most {@code maxBatchSize}, in the order submitted), commits it as one unit through the
 * {@link Committer} (one Kafka transaction, say) and only then answers each caller. While a commit runs, new items
 * queue up and form the next batch, so under load a batch grows to what arrived during one commit, and a lone
 * caller waits for one commit as before: no artificial delay.
 * <p>
 * Guarantees:
 * <ul>
 *   <li>A caller is answered with its result only after the commit that holds its item returned.</li>
 *   <li>A commit is all or nothing: if the committer throws, every item of the batch fails with
 *       {@link CommitFailedException} carrying the committer's exception as its cause (the committer must leave
 *       nothing half-written, as a Kafka transaction that aborts does). Checks that can refuse one item alone
 *       (validation, signing, a size limit) belong before {@link #submit}, in the caller's thread, so that one bad
 *       item never fails the others.</li>
 *   <li>Order: items are committed in the order they were submitted, within a batch and across batches (one
 *       committer, one batch at a time), so two items of one key keep their order.</li>
 *   <li>A caller interrupted, or whose {@code maxQueueWait} ran out, while its item still waits for the committer
 *       withdraws it and gets {@link NotCommittedException}: certainly not committed. Once the committer has taken
 *       the item, the caller waits for that commit to end whatever happens (the committer's own timeouts bound it),
 *       so the answer is always the true outcome; an interrupt is kept on the thread.</li>
 * </ul>
 * Plain Java: no framework. The committer runs on the group's own thread, so anything the work needs from the caller's
 * thread (a trace context) must travel in the item.
 *
 * @param <I> what a caller submits
 * @param <R> what a caller gets back once committed
 */
public final class GroupCommit<I, R> implements AutoCloseable {

    /** Commits a batch as one unit. */
    @FunctionalInterface
    public interface Committer<I, R> {
        /**
         * Commits every item, in the order given, all or nothing.
         *
         * @return one result per item, in the same order
         * @throws Exception when the commit failed: then none of the items may count
         */
        List<R> commit(List<I> items) throws Exception;
    }

    private static final long IDLE_POLL_MILLIS = 100;
    private static final int QUEUED = 0;
    private static final int TAKEN = 1;
    private static final int WITHDRAWN = 2;

    private final String name;
    private final int maxBatchSize;
    private final Committer<I, R> committer;
    private final IntConsumer batchSizes;
    private final LinkedBlockingQueue<Pending<I, R>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    /**
     * Starts the committer thread (a daemon named {@code group-commit-<name>}).
     *
     * @param maxBatchSize at most this many items in one commit
     */
    public GroupCommit(String name, int maxBatchSize, Committer<I, R> committer) {
        this(name, maxBatchSize, committer, size -> {});
    }

    /** @param batchSizes told the size of every batch before it is committed (a meter) */
    public GroupCommit(String name, int maxBatchSize, Committer<I, R> committer, IntConsumer batchSizes) {
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be at least 1, was " + maxBatchSize);
        }
        this.name = Objects.requireNonNull(name);
        this.maxBatchSize = maxBatchSize;
        this.committer = Objects.requireNonNull(committer);
        this.batchSizes = Objects.requireNonNull(batchSizes);
        this.thread = new Thread(this::run, "group-commit-" + name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    public int maxBatchSize() {
        return maxBatchSize;
    }

    /** Items waiting for a commit to take them (a gauge; tests wait on it). */
    public int waiting() {
        return queue.size();
    }

    /**
     * Submits an item and waits, however long it takes, until its batch committed.
     *
     * @throws CommitFailedException when its batch's commit failed (the cause says why)
     * @throws NotCommittedException when the caller was interrupted before the committer took the item, or the group
     *                               is closed
     */
    public R submit(I item) {
        return submit(item, Long.MAX_VALUE);
    }

    /**
     * As {@link #submit(Object)}, but an item the committer has not taken within {@code maxQueueWait} is withdrawn
     * ({@link NotCommittedException}). The commit itself is not cut short: its time is the committer's to bound.
     */
    public R submit(I item, Duration maxQueueWait) {
        return submit(item, maxQueueWait.toNanos());
    }

    private R submit(I item, long maxQueueWaitNanos) {
        Pending<I, R> pending = new Pending<>(item);
        if (closed) {
            throw new NotCommittedException(name + " is closed: nothing was committed");
        }
        queue.add(pending);
        if (closed && pending.state.compareAndSet(QUEUED, WITHDRAWN)) {
            queue.remove(pending);
            throw new NotCommittedException(name + " is closed: nothing was committed");
        }
        boolean interrupted = false;
        long deadline = System.nanoTime() + maxQueueWaitNanos;
        try {
            while (true) {
                try {
                    if (maxQueueWaitNanos == Long.MAX_VALUE || pending.state.get() != QUEUED) {
                        return answer(pending.result.get());
                    }
                    long left = deadline - System.nanoTime();
                    if (left > 0) {
                        return answer(pending.result.get(left, TimeUnit.NANOSECONDS));
                    }
                    if (pending.state.compareAndSet(QUEUED, WITHDRAWN)) {
                        queue.remove(pending);
                        throw new NotCommittedException(
                                "no commit of " + name + " took the item in time: nothing was committed");
                    }
                    // Taken meanwhile: the next round waits for its commit.
                } catch (TimeoutException e) {
                    // The next round withdraws it, unless the committer took it meanwhile.
                } catch (InterruptedException e) {
                    interrupted = true;
                    if (pending.state.compareAndSet(QUEUED, WITHDRAWN)) {
                        queue.remove(pending);
                        throw new NotCommittedException(
                                "interrupted before a commit of " + name + " took the item: nothing was committed");
                    }
                    // Taken: its commit is under way and its outcome is the answer, so wait for it.
                } catch (ExecutionException e) {
                    throw new IllegalStateException("an outcome is never exceptional", e);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private R answer(Outcome<R> outcome) {
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        return outcome.value();
    }

    /**
     * Stops taking items: those still queued fail with {@link NotCommittedException}; a commit under way finishes
     * and answers its callers first (waited for up to ten seconds).
     */
    @Override
    public void close() {
        closed = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failQueued();
    }

    private void failQueued() {
        List<Pending<I, R>> left = new ArrayList<>();
        queue.drainTo(left);
        for (Pending<I, R> pending : left) {
            if (pending.state.compareAndSet(QUEUED, TAKEN)) {
                pending.result.complete(
                        new Outcome<>(null, new NotCommittedException(name + " closed: nothing was committed")));
            }
        }
    }

    private void run() {
        while (!closed) {
            List<Pending<I, R>> batch = new ArrayList<>();
            try {
                // Polled, not taken: close() lets a commit under way finish rather than interrupt it.
                Pending<I, R> first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(batch, maxBatchSize - 1);
            // Items withdrawn by their callers meanwhile are left out; the others can no longer be withdrawn.
            batch.removeIf(pending -> !pending.state.compareAndSet(QUEUED, TAKEN));
            if (!batch.isEmpty()) {
                commit(batch);
            }
        }
        failQueued();
    }

    private void commit(List<Pending<I, R>> batch) {
        List<I> items = new ArrayList<>(batch.size());
        batch.forEach(pending -> items.add(pending.item));
        List<R> results;
        try {
            batchSizes.accept(items.size());
            results = committer.commit(List.copyOf(items));
            if (results == null || results.size() != items.size()) {
                throw new IllegalStateException("the committer of " + name + " answered "
                        + (results == null ? "nothing" : results.size() + " results") + " for " + items.size()
                        + " items");
            }
        } catch (Throwable e) {
            String message = "the commit of " + items.size() + " items of " + name + " failed: nothing of it counts";
            // One exception per caller: each is thrown in its own thread.
            batch.forEach(
                    pending -> pending.result.complete(new Outcome<>(null, new CommitFailedException(message, e))));
            if (e instanceof VirtualMachineError error) {
                throw error;
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result.complete(new Outcome<>(results.get(i), null));
        }
    }

    private static final class Pending<I, R> {
        final I item;
        final AtomicInteger state = new AtomicInteger(QUEUED);
        final CompletableFuture<Outcome<R>> result = new CompletableFuture<>();

        Pending(I item) {
            this.item = item;
        }
    }

    private record Outcome<R>(R value, RuntimeException failure) {}

    /** The commit of the item's batch failed; nothing of the batch counts. The cause is the committer's exception. */
    public static final class CommitFailedException extends RuntimeException {
        public CommitFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The item was withdrawn before any commit took it (interrupted, timed out, closed): certainly not committed. */
    public static final class NotCommittedException extends RuntimeException {
        public NotCommittedException(String message) {
            super(message);
        }
    }
}
