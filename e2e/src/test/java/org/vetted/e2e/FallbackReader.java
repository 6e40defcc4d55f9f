package org.vetted.e2e;

import static org.vetted.e2e.Scale.pause;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.vetted.stack.ServiceFleet;

/**
 * Reads every 50 ms while instances restart, each read routed as a load balancer would: to one instance, to the
 * other if that one cannot answer. Counts the reads answered and unanswered and keeps the last failure.
 */
final class FallbackReader {
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final StringBuilder lastFailure = new StringBuilder();
    private final IntFunction<Optional<String>> read;
    private final Thread thread;

    /** {@code read} does read number n and says why it went unanswered, or nothing when an instance answered. */
    FallbackReader(IntFunction<Optional<String>> read) {
        this.read = read;
        this.thread = new Thread(this::run, "reader");
    }

    /** Read n is {@code path(n)} as {@code user}: at {@code first} first on even reads, at {@code second} on odd. */
    static FallbackReader between(
            ServiceFleet.Service first, ServiceFleet.Service second, String user, IntFunction<String> path) {
        return new FallbackReader(turn -> {
            String read = path.apply(turn);
            ServiceFleet.Service preferred = turn % 2 == 0 ? first : second;
            ServiceFleet.Service fallback = preferred == first ? second : first;
            if (answers(preferred, read, user) || answers(fallback, read, user)) {
                return Optional.empty();
            }
            return Optional.of(read + " unanswered at " + Instant.now());
        });
    }

    private static boolean answers(ServiceFleet.Service instance, String path, String user) {
        try {
            return Http.get(instance.baseUrl() + path, user).status() == 200;
        } catch (RuntimeException down) {
            return false;
        }
    }

    void start() {
        thread.start();
    }

    /** Ends the reading and waits for the read under way. */
    void stop() throws InterruptedException {
        stop.set(true);
        thread.join();
    }

    int answered() {
        return answered.get();
    }

    int unanswered() {
        return unanswered.get();
    }

    String lastFailure() {
        synchronized (lastFailure) {
            return lastFailure.toString();
        }
    }

    private void run() {
        for (int turn = 0; !stop.get(); turn++) {
            Optional<String> failure = read.apply(turn);
            if (failure.isEmpty()) {
                answered.incrementAndGet();
            } else {
                unanswered.incrementAndGet();
                synchronized (lastFailure) {
                    lastFailure.setLength(0);
                    lastFailure.append(failure.get());
                }
            }
            pause(Duration.ofMillis(50));
        }
    }
}
