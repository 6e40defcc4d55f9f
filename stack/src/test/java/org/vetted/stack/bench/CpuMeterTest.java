package org.vetted.stack.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CpuMeterTest {
    @Test
    void coresAreTheCpuTimeUsedBetweenTwoReadingsOverTheWallTime() {
        Map<String, Duration> before = Map.of("intake", Duration.ofSeconds(10), "broker", Duration.ofSeconds(4));
        Map<String, Duration> after = new LinkedHashMap<>();
        after.put("intake", Duration.ofSeconds(18));
        after.put("broker", Duration.ofSeconds(5));
        after.put("postgres", Duration.ofSeconds(2)); // not there before: all of it counts
        assertEquals("intake 0.80, broker 0.10, postgres 0.20", CpuMeter.cores(before, after, Duration.ofSeconds(10)));
    }

    @Test
    void theBenchCountsItsOwnCpu() {
        assertEquals("bench", new CpuMeter(Map.of()).read().keySet().iterator().next());
    }

    @Test
    void aServerProcessThatIsNotTheBenchsDescendantIsCountedAsPostgres() {
        // The first process of the machine stands in for a server that detached from the bench.
        assumeTrue(ProcessHandle.of(1)
                .flatMap(init -> init.info().totalCpuDuration())
                .isPresent());
        assertTrue(new CpuMeter(Map.of(), Optional.of(1L)).read().containsKey("postgres"));
        assertFalse(new CpuMeter(Map.of()).read().containsKey("postgres"));
    }

    @Test
    void aProcessAlreadyCountedAsTheBenchsDescendantIsNotCountedTwice() throws Exception {
        Process child = new ProcessBuilder("sleep", "30").start();
        try {
            Map<String, Duration> cpu = new CpuMeter(Map.of(), Optional.of(child.pid())).read();
            assertTrue(cpu.containsKey("other"), cpu.toString());
            assertFalse(cpu.containsKey("postgres"), cpu.toString());
        } finally {
            child.destroyForcibly();
        }
    }
}
