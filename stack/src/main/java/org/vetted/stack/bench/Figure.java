package org.vetted.stack.bench;

/**
 * One measured figure: a rate, and the latency of the operations behind it when they have one (NaN otherwise).
 *
 * @param name what was measured, unique in a run (the table's row and the JSON's key)
 * @param unit what the rate counts, per second (records, drafts, articles, rows)
 * @param perSecond operations completed per second over the measured window
 * @param p50Millis median latency in milliseconds, NaN when the figure has none
 * @param p99Millis 99th percentile latency in milliseconds, NaN when the figure has none
 * @param operations operations completed in the measured window
 * @param errors operations that failed in that window (not counted in the rate)
 * @param baseline the name of the raw figure this one is compared with, null for a raw figure itself
 */
public record Figure(
        String name,
        String unit,
        double perSecond,
        double p50Millis,
        double p99Millis,
        long operations,
        long errors,
        String baseline) {

    /** A figure from a run: {@code operations} over {@code seconds}, with their latencies. */
    public static Figure of(
            String name,
            String unit,
            long operations,
            long errors,
            double seconds,
            Latencies latencies,
            String baseline) {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("a measured window lasts some time, not " + seconds + " s");
        }
        double p50 = latencies == null ? Double.NaN : latencies.percentileMillis(50);
        double p99 = latencies == null ? Double.NaN : latencies.percentileMillis(99);
        return new Figure(name, unit, operations / seconds, p50, p99, operations, errors, baseline);
    }
}
