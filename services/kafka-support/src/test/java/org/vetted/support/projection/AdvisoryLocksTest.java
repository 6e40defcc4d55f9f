package org.vetted.support.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Two "instances" (two lock objects on one database) never run work on one key at once, and never deadlock. */
class AdvisoryLocksTest {
    private final DataSource database = new DriverManagerDataSource(TestDatabase.fresh(), "postgres", "");
    private final AdvisoryLocks one = new AdvisoryLocks(database, 42, 3);
    private final AdvisoryLocks two = new AdvisoryLocks(database, 42, 3);
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void workOnOneKeyAtTwoInstancesRunsOneAtATime() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Callable<Void>> steps = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            AdvisoryLocks locks = i % 2 == 0 ? one : two;
            steps.add(() -> locks.exclusively("art-1", () -> {
                most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                pause(20);
                inside.decrementAndGet();
                return null;
            }));
        }
        for (Future<Void> step : threads.invokeAll(steps)) {
            step.get();
        }
        assertThat(most.get()).isEqualTo(1);
    }

    @Test
    void severalKeysTakenInEitherOrderDoNotDeadlock() throws Exception {
        List<Callable<Void>> steps = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            AdvisoryLocks locks = i % 2 == 0 ? one : two;
            List<String> keys = i % 2 == 0 ? List.of("lib-a", "lib-b", "lib-c") : List.of("lib-c", "lib-b", "lib-a");
            steps.add(() -> locks.exclusively(keys, () -> {
                pause(2);
                return null;
            }));
        }
        List<Future<Void>> done = threads.invokeAll(steps, 60, TimeUnit.SECONDS);
        for (Future<Void> step : done) {
            assertThat(step.isCancelled())
                    .as("a step still waiting after a minute")
                    .isFalse();
            step.get();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
