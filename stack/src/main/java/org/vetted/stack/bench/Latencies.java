package org.vetted.stack.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds, kept whole (a run holds at most a few hundred thousand), and exact percentiles. */
public final class Latencies {
    private long[] samples = new long[1024];
    private int size;

    public synchronized void add(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("a latency cannot be negative: " + nanos);
        }
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
    }

    public synchronized void addAll(Latencies other) {
        long[] theirs = other.snapshot();
        for (long sample : theirs) {
            add(sample);
        }
    }

    public synchronized int count() {
        return size;
    }

    synchronized long[] snapshot() {
        return Arrays.copyOf(samples, size);
    }

    /**
     * The nearest-rank percentile in milliseconds: the smallest sample that at least {@code p} percent of the samples
     * do not exceed. NaN when there is no sample.
     */
    public double percentileMillis(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("a percentile is in (0, 100], not " + p);
        }
        long[] sorted = snapshot();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1] / 1_000_000.0;
    }
}
