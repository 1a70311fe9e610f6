package io.llmgateway.policy.live;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Output tokens per second of a whole deployment (all its requests together), as the recent peak over
 * 10-second windows, decaying with a 30-minute half-life. The peak approximates what the deployment
 * sustains when busy, which is the denominator of its cost per token; it decays slowly so an idle
 * spell does not make a paid-for GPU look expensive.
 */
final class ThroughputMeter {

    static final long WINDOW_MILLIS = 10_000;
    private static final double DECAY_PER_WINDOW = Math.pow(0.5, WINDOW_MILLIS / 1_800_000.0);

    private final AtomicLong tokens = new AtomicLong();
    private volatile long windowStart;
    private volatile double peak;

    ThroughputMeter(long nowMillis) {
        this.windowStart = nowMillis;
    }

    void add(long outputTokens, long nowMillis) {
        roll(nowMillis);
        tokens.addAndGet(outputTokens);
    }

    /** Tokens per second; 0 until a window with traffic has been seen. */
    double rate(long nowMillis) {
        roll(nowMillis);
        long elapsed = nowMillis - windowStart;
        double partial = elapsed >= 1000 ? tokens.get() * 1000.0 / elapsed : 0;
        return Math.max(peak, partial);
    }

    private void roll(long nowMillis) {
        if (nowMillis - windowStart < WINDOW_MILLIS) {
            return;
        }
        synchronized (this) {
            long start = windowStart;
            if (nowMillis - start < WINDOW_MILLIS) {
                return;
            }
            long windows = (nowMillis - start) / WINDOW_MILLIS;
            double rate = tokens.getAndSet(0) * 1000.0 / WINDOW_MILLIS;
            peak = Math.max(rate, peak * Math.pow(DECAY_PER_WINDOW, windows));
            windowStart = start + windows * WINDOW_MILLIS;
        }
    }
}
