package org.vetted.stack.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** --min-operations: a window too short for any call stays open until enough calls ended in it. */
class ClosedLoopTest {
    @AfterEach
    void reset() {
        ClosedLoop.minOperations = 0;
    }

    @Test
    void aWindowStaysOpenUntilItsMinimumOfCallsEnded() throws InterruptedException {
        ClosedLoop.minOperations = 3;
        AtomicLong calls = new AtomicLong();
        ClosedLoop.Result result = ClosedLoop.run(2, Duration.ZERO, Duration.ofNanos(1), (client, sequence) -> {
            calls.incrementAndGet();
            Thread.sleep(20); // a call that takes longer than the window
        });

        assertTrue(result.operations() >= 3, "operations: " + result.operations());
        assertEquals(0, result.errors());
        assertTrue(result.seconds() > 0);
        assertTrue(calls.get() >= result.operations());
    }

    @Test
    void failedCallsCountTowardsTheMinimumSoAFailingStepStillEnds() throws InterruptedException {
        ClosedLoop.minOperations = 2;
        ClosedLoop.Result result = ClosedLoop.run(1, Duration.ZERO, Duration.ofNanos(1), (client, sequence) -> {
            Thread.sleep(5);
            throw new IllegalStateException("refused");
        });

        assertTrue(result.errors() >= 2, "errors: " + result.errors());
        assertEquals(0, result.operations());
        assertEquals("java.lang.IllegalStateException: refused", result.firstError());
    }
}
