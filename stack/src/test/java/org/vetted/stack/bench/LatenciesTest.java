package org.vetted.stack.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatenciesTest {
    private static Latencies ofMillis(long... millis) {
        Latencies latencies = new Latencies();
        for (long m : millis) {
            latencies.add(m * 1_000_000);
        }
        return latencies;
    }

    @Test
    void theMedianOfAnOddCountIsTheMiddleSampleWhateverTheOrder() {
        assertEquals(3.0, ofMillis(5, 1, 3, 4, 2).percentileMillis(50));
    }

    @Test
    void nearestRankTakesTheLowerMiddleOfAnEvenCount() {
        assertEquals(2.0, ofMillis(4, 1, 3, 2).percentileMillis(50));
    }

    @Test
    void p99OfAHundredSamplesIsTheSecondLargest() {
        Latencies latencies = new Latencies();
        for (int i = 1; i <= 100; i++) {
            latencies.add(i * 1_000_000L);
        }
        assertEquals(99.0, latencies.percentileMillis(99));
        assertEquals(100.0, latencies.percentileMillis(100));
        assertEquals(1.0, latencies.percentileMillis(0.5));
    }

    @Test
    void p99OfFewSamplesIsTheLargest() {
        assertEquals(9.0, ofMillis(1, 9, 2).percentileMillis(99));
    }

    @Test
    void aSingleSampleIsEveryPercentile() {
        Latencies latencies = ofMillis(7);
        assertEquals(7.0, latencies.percentileMillis(1));
        assertEquals(7.0, latencies.percentileMillis(99));
    }

    @Test
    void noSampleHasNoPercentile() {
        assertTrue(Double.isNaN(new Latencies().percentileMillis(50)));
    }

    @Test
    void keepsSubMillisecondPrecisionAndGrowsPastItsFirstCapacity() {
        Latencies latencies = new Latencies();
        for (int i = 0; i < 5000; i++) {
            latencies.add(250_000);
        }
        latencies.add(1_500_000);
        assertEquals(5001, latencies.count());
        assertEquals(0.25, latencies.percentileMillis(99));
        assertEquals(1.5, latencies.percentileMillis(100));
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new Latencies().add(-1));
        assertThrows(IllegalArgumentException.class, () -> ofMillis(1).percentileMillis(0));
        assertThrows(IllegalArgumentException.class, () -> ofMillis(1).percentileMillis(100.5));
    }
}
