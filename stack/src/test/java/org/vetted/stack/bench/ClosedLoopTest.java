package org.vetted.stack.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** --min-operations: a window too short for any call stays open until enough calls ended in it. */
class ClosedLoopTest {
    @Test
    void aWindowStaysOpenUntilItsMinimumOfCallsEnded() throws InterruptedException {
        AtomicLong calls = new AtomicLong();
        ClosedLoop.Window tiny = new ClosedLoop.Window(Duration.ZERO, Duration.ofNanos(1), 3);
        ClosedLoop.Result result = ClosedLoop.run(2, tiny, (client, sequence) -> {
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
        ClosedLoop.Window tiny = new ClosedLoop.Window(Duration.ZERO, Duration.ofNanos(1), 2);
        ClosedLoop.Result result = ClosedLoop.run(1, tiny, (client, sequence) -> {
            Thread.sleep(5);
            throw new IllegalStateException("refused");
        });

        assertTrue(result.errors() >= 2, "errors: " + result.errors());
        assertEquals(0, result.operations());
        assertEquals("java.lang.IllegalStateException: refused", result.firstError());
    }

    @Test
    void aNegativeMinimumIsRefused() {
        assertThrows(
                IllegalArgumentException.class, () -> new ClosedLoop.Window(Duration.ZERO, Duration.ofSeconds(1), -1));
    }
}
