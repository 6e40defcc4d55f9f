package org.vetted.support.batch;

import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * The step of a batch that each item needs alone (a signature check, decoding: nothing shared but immutable keys),
 * run for every item in parallel, each item's outcome kept in the batch's order for the step that follows in order.
 * The threads are the common fork-join pool's and the caller's: at most as many as the machine has processors, shared
 * with whatever else of the process uses the pool. A step that throws fails its own item only.
 */
public final class Preparation {

    /** An item's outcome: what its step returned, or the exception it threw. */
    public record Prepared<P>(P value, RuntimeException failure) {
        /** The value, or the step's failure thrown again. */
        public P get() {
            if (failure != null) {
                throw failure;
            }
            return value;
        }
    }

    /**
     * @param count how many items; a single item runs on the caller's thread
     * @param step  the item's step by index; must be thread-safe
     */
    public static <P> List<Prepared<P>> inParallel(int count, IntFunction<P> step) {
        // The common pool's threads carry the system class loader, which in a Spring Boot jar sees none of the
        // application's classes (Avro resolves classes through it): each step runs with the caller's.
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        IntStream items = IntStream.range(0, count);
        return (count > 1 ? items.parallel() : items)
                .mapToObj(i -> prepareOne(i, step, loader))
                .toList();
    }

    private static <P> Prepared<P> prepareOne(int i, IntFunction<P> step, ClassLoader loader) {
        Thread thread = Thread.currentThread();
        ClassLoader own = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return new Prepared<>(step.apply(i), null);
        } catch (RuntimeException e) {
            return new Prepared<>(null, e);
        } finally {
            thread.setContextClassLoader(own);
        }
    }

    private Preparation() {}
}
