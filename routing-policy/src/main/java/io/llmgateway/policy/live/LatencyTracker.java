package io.llmgateway.policy.live;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Latency of one deployment, fed by real responses: EWMAs (alpha 0.2) of TTFT, time per output token,
 * total time and output tokens; TTFT and total percentiles over the last one to two minutes; and the
 * deployment's output throughput. Lock-free: each observation publishes a new immutable
 * {@link LatencyEstimate} by compare-and-set, so reading it is one volatile load.
 */
public final class LatencyTracker {

    static final double ALPHA = 0.2;
    private static final long WINDOW_MILLIS = 60_000;
    private static final long PERCENTILES_EVERY_MILLIS = 1_000;

    private final AtomicReference<LatencyEstimate> estimate = new AtomicReference<>(LatencyEstimate.NONE);
    private final LogHistogram ttft;
    private final LogHistogram total;
    private final ThroughputMeter throughput;
    private volatile long percentilesAt;

    public LatencyTracker(long nowMillis) {
        this.ttft = new LogHistogram(WINDOW_MILLIS, nowMillis);
        this.total = new LogHistogram(WINDOW_MILLIS, nowMillis);
        this.throughput = new ThroughputMeter(nowMillis);
    }

    /**
     * One successful exchange.
     *
     * @param streamed     whether it was a stream (only streams measure TTFT and time per output token)
     * @param ttftNanos    time to the first token (streams)
     * @param totalNanos   whole exchange
     * @param outputTokens completion tokens
     * @param nowMillis    wall clock, epoch ms
     */
    public void record(boolean streamed, long ttftNanos, long totalNanos, int outputTokens, long nowMillis) {
        double ttftMs = streamed && ttftNanos > 0 ? ttftNanos / 1e6 : Double.NaN;
        double totalMs = totalNanos / 1e6;
        double tpotMs = streamed && outputTokens > 1 && totalNanos > ttftNanos
                ? (totalNanos - ttftNanos) / 1e6 / (outputTokens - 1) : Double.NaN;
        if (!Double.isNaN(ttftMs)) {
            ttft.record(ttftMs, nowMillis);
        }
        total.record(totalMs, nowMillis);
        if (outputTokens > 0) {
            throughput.add(outputTokens, nowMillis);
        }
        boolean refresh = nowMillis - percentilesAt >= PERCENTILES_EVERY_MILLIS;
        Percentiles tp = refresh ? ttft.percentiles(nowMillis) : null;
        Percentiles op = refresh ? total.percentiles(nowMillis) : null;
        if (refresh) {
            percentilesAt = nowMillis;
        }
        LatencyEstimate prev;
        LatencyEstimate next;
        do {
            prev = estimate.get();
            next = new LatencyEstimate(prev.samples() + 1, ewma(prev.ttftMs(), ttftMs), ewma(prev.tpotMs(), tpotMs),
                    ewma(prev.totalMs(), totalMs), ewma(prev.outputTokens(), outputTokens),
                    tp == null ? prev.ttft() : tp, op == null ? prev.total() : op);
        } while (!estimate.compareAndSet(prev, next));
    }

    /** TTFT percentiles computed now (the estimate's are refreshed at most once a second). */
    public Percentiles ttftPercentiles(long nowMillis) {
        return ttft.percentiles(nowMillis);
    }

    /** Total-time percentiles computed now. */
    public Percentiles totalPercentiles(long nowMillis) {
        return total.percentiles(nowMillis);
    }

    public LatencyEstimate estimate() {
        return estimate.get();
    }

    /** Measured output tokens per second of the whole deployment (recent peak); 0 if unmeasured. */
    public double outputTokensPerSecond(long nowMillis) {
        return throughput.rate(nowMillis);
    }

    static double ewma(double prev, double sample) {
        if (Double.isNaN(sample)) {
            return prev;
        }
        return Double.isNaN(prev) ? sample : prev + ALPHA * (sample - prev);
    }
}
