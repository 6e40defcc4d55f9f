package org.vetted.support.batch;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import java.util.function.Supplier;

/**
 * The thread-bound context of a caller (its observation, so its trace), taken with the item it submits to a
 * {@link GroupCommit} and set again around that item's send on the committer's thread: each record of a shared
 * transaction then carries its own request's {@code traceparent}, as it did when the request sent it itself.
 */
public final class CallerContext {
    private static final ContextSnapshotFactory SNAPSHOTS =
            ContextSnapshotFactory.builder().build();

    private final ContextSnapshot snapshot;

    private CallerContext(ContextSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    /** The current thread's context. */
    public static CallerContext capture() {
        return new CallerContext(SNAPSHOTS.captureAll());
    }

    /** Runs work with the captured context set on the current thread, and the thread's own restored afterwards. */
    public <T> T call(Supplier<T> work) {
        try (ContextSnapshot.Scope scope = snapshot.setThreadLocals()) {
            return work.get();
        }
    }
}
