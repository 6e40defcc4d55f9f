package org.vetted.stack.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code clients} threads, each calling its operation again as soon as the last call returned, for a warm-up and
 * then a measured window: the load of that many users who never pause. Calls that end inside the window count,
 * with their whole latency.
 */
final class ClosedLoop {
    static final Duration LONGEST_WARM_UP = Duration.ofMinutes(2);

    /** How much longer than its duration a window may run to reach its {@link Window#minOperations}. */
    static final Duration LONGEST_EXTENSION = Duration.ofMinutes(2);

    /**
     * What is measured: a warm-up, then a window of {@code length}. {@code minOperations} is bench's
     * {@code --min-operations}: the window lasts until this many calls ended in it (at most {@link
     * #LONGEST_EXTENSION} more), so a tiny smoke run on a busy machine still yields a figure; 0: exactly the length.
     */
    record Window(Duration warmUp, Duration length, int minOperations) {
        Window {
            if (minOperations < 0) {
                throw new IllegalArgumentException("--min-operations is 0 or more, not " + minOperations);
            }
        }

        /** A fixed batch of work, measured from its start to its end (at most {@code longest}). */
        static Window whole(Duration longest) {
            return new Window(Duration.ZERO, longest, 0);
        }

        Window withoutWarmUp() {
            return new Window(Duration.ZERO, length, minOperations);
        }

        Window lasting(Duration otherLength) {
            return new Window(warmUp, otherLength, minOperations);
        }
    }

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

    /**
     * The window opens once the warm-up has passed and every client has had its first answer (or ran out of work):
     * with many clients, the first round of calls can take longer than any fixed warm-up, and counting it would
     * measure the start rather than the steady state. It opens anyway after {@link #LONGEST_WARM_UP}. Without warm-up
     * it opens at once: a fixed batch of work is measured from its start.
     */
    static Result run(int clients, Window window, Operation operation) throws InterruptedException {
        Duration warmUp = window.warmUp();
        AtomicLong measureFrom = new AtomicLong(Long.MAX_VALUE);
        AtomicLong measureTo = new AtomicLong(Long.MAX_VALUE);
        CountDownLatch firstAnswers = new CountDownLatch(clients);
        Latencies latencies = new Latencies();
        AtomicLong operations = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        AtomicLong lastEnd = new AtomicLong(0);
        AtomicLong ranOut = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(
                    () -> {
                        long sequence = 0;
                        boolean answered = false;
                        try {
                            while (System.nanoTime() < measureTo.get()
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
                                if (!answered) {
                                    answered = true;
                                    firstAnswers.countDown();
                                }
                                // Completions inside the window make the rate, whenever the call began.
                                if (ended >= measureFrom.get() && ended <= measureTo.get()) {
                                    lastEnd.accumulateAndGet(ended, Math::max);
                                    if (failed) {
                                        errors.incrementAndGet();
                                    } else {
                                        operations.incrementAndGet();
                                        latencies.add(ended - began);
                                    }
                                }
                            }
                        } finally {
                            if (!answered) {
                                firstAnswers.countDown();
                            }
                        }
                    },
                    "bench-client-" + client);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        if (!warmUp.isZero()) {
            Thread.sleep(warmUp.toMillis());
            firstAnswers.await(LONGEST_WARM_UP.toMillis(), TimeUnit.MILLISECONDS);
        }
        long from = System.nanoTime();
        long to = from + window.length().toNanos();
        int atLeast = window.minOperations();
        if (atLeast > 0) {
            // Open-ended until enough calls ended in it, then closed where it stands.
            measureFrom.set(from);
            long longest = to + LONGEST_EXTENSION.toNanos();
            long now = System.nanoTime();
            while (now < longest
                    && (now < to || operations.get() + errors.get() < atLeast)
                    && threads.stream().anyMatch(Thread::isAlive)) {
                Thread.sleep(5);
                now = System.nanoTime();
            }
            to = Math.max(to, now);
            measureTo.set(to);
        } else {
            // The end first: a client reading the start of the window finds its end set.
            measureTo.set(to);
            measureFrom.set(from);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        boolean allRanOut = ranOut.get() == clients;
        long measured = allRanOut ? Math.max(lastEnd.get() - from, 1_000_000) : to - from;
        return new Result(
                operations.get(), errors.get(), measured / 1e9, latencies, firstError.get(), ranOut.get() > 0);
    }

    private ClosedLoop() {}
}
