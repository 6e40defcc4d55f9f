package org.vetted.stack.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
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
}
