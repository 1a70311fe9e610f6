package io.llmgateway.policy.live;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A lock-free histogram of durations in milliseconds on a log scale (8% wide buckets from 0.1 ms to
 * about 2 hours), over a rotating window: percentiles cover the current window and the one before it.
 */
final class LogHistogram {

    private static final double MIN_MS = 0.1;
    private static final double LOG_RATIO = Math.log(1.08);
    private static final int BUCKETS = 220;

    private final long windowMillis;
    private final AtomicReference<Window> current;
    private volatile Window previous;

    LogHistogram(long windowMillis, long nowMillis) {
        this.windowMillis = windowMillis;
        this.current = new AtomicReference<>(new Window(nowMillis));
    }

    private record Window(long start, AtomicLongArray counts) {
        Window(long start) {
            this(start, new AtomicLongArray(BUCKETS));
        }
    }

    void record(double ms, long nowMillis) {
        if (!(ms >= 0)) {
            return;
        }
        window(nowMillis).counts.incrementAndGet(bucket(ms));
    }

    Percentiles percentiles(long nowMillis) {
        Window cur = window(nowMillis);
        Window prev = previous;
        long[] counts = new long[BUCKETS];
        long n = 0;
        for (int i = 0; i < BUCKETS; i++) {
            long c = cur.counts.get(i) + (prev != null && prev.start >= nowMillis - 2 * windowMillis ? prev.counts.get(i) : 0);
            counts[i] = c;
            n += c;
        }
        if (n == 0) {
            return Percentiles.NONE;
        }
        return new Percentiles(at(counts, n, 0.50), at(counts, n, 0.90), at(counts, n, 0.99));
    }

    private Window window(long nowMillis) {
        Window w = current.get();
        if (nowMillis - w.start >= windowMillis) {
            Window next = new Window(nowMillis);
            if (current.compareAndSet(w, next)) {
                previous = w;
            }
            w = current.get();
        }
        return w;
    }

    private static double at(long[] counts, long n, double q) {
        long rank = (long) Math.ceil(q * n);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return MIN_MS * Math.exp((i + 0.5) * LOG_RATIO);
            }
        }
        return MIN_MS * Math.exp((BUCKETS - 0.5) * LOG_RATIO);
    }

    static int bucket(double ms) {
        if (ms <= MIN_MS) {
            return 0;
        }
        int i = (int) (Math.log(ms / MIN_MS) / LOG_RATIO);
        return Math.min(i, BUCKETS - 1);
    }
}
