package org.vetted.stack.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code clients} threads, each calling its operation again as soon as the last call returned, for a warm-up and
 * then a measured window: the load of that many users who never pause. Calls that end inside the window count,
 * with their whole latency.
 */
final class ClosedLoop {
    /** One call of one client; {@code sequence} counts that client's calls from 0. Throws when the call failed. */
    interface Operation {
        void call(int client, long sequence) throws Exception;
    }

    /** Thrown by an operation when its client has no more work: that client stops. */
    static final class NoMoreWork extends RuntimeException {
        NoMoreWork() {
            super(null, null, false, false);
        }
    }

    /**
     * {@code ranOut}: some client ran out of work in the window, so the rate understates the service, unless every
     * client did: the window then ends at the last call.
     */
    record Result(
            long operations, long errors, double seconds, Latencies latencies, String firstError, boolean ranOut) {
        Figure figure(String name, String unit, String baseline) {
            return Figure.of(name, unit, operations, errors, seconds, latencies, baseline);
        }
    }

    static Result run(int clients, Duration warmUp, Duration window, Operation operation) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long measureTo = measureFrom + window.toNanos();
        Latencies latencies = new Latencies();
        AtomicLong operations = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        AtomicLong lastEnd = new AtomicLong(measureFrom);
        AtomicLong ranOut = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(
                    () -> {
                        long sequence = 0;
                        while (System.nanoTime() < measureTo
                                && !Thread.currentThread().isInterrupted()) {
                            long began = System.nanoTime();
                            boolean failed = false;
                            try {
                                operation.call(client, sequence++);
                            } catch (NoMoreWork done) {
                                ranOut.incrementAndGet();
                                return;
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            } catch (Exception e) {
                                failed = true;
                                firstError.compareAndSet(null, e.toString());
                            }
                            long ended = System.nanoTime();
                            // Completions inside the window make the rate, whenever the call began.
                            if (ended >= measureFrom && ended <= measureTo) {
                                lastEnd.accumulateAndGet(ended, Math::max);
                                if (failed) {
                                    errors.incrementAndGet();
                                } else {
                                    operations.incrementAndGet();
                                    latencies.add(ended - began);
                                }
                            }
                        }
                    },
                    "bench-client-" + client);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        boolean allRanOut = ranOut.get() == clients;
        long measured = allRanOut ? Math.max(lastEnd.get() - measureFrom, 1_000_000) : window.toNanos();
        return new Result(
                operations.get(), errors.get(), measured / 1e9, latencies, firstError.get(), ranOut.get() > 0);
    }

    private ClosedLoop() {}
}
