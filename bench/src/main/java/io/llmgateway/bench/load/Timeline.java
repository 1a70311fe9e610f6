package io.llmgateway.bench.load;

/**
 * The clock of one run, in {@link System#nanoTime()} units: load starts at {@code start}, the measurement
 * window is [{@code windowStart}, {@code windowEnd}), issuing stops at {@code windowEnd} at the latest.
 */
record Timeline(long start, long windowStart, long windowEnd) {

    static Timeline of(LoadOptions o, long start) {
        long windowStart = start + o.warmup().toNanos();
        return new Timeline(start, windowStart, windowStart + o.duration().toNanos());
    }

    /** Parks the calling thread until {@code nanos} (returns at once if it is past). */
    static void sleepUntil(long nanos) {
        long wait;
        while ((wait = nanos - System.nanoTime()) > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(wait);
        }
    }
}
