package io.llmgateway.sim.internal.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** vLLM-named counters and histograms of one served model. */
public final class ModelMetrics {
    final LongAdder promptTokens = new LongAdder();
    final LongAdder generationTokens = new LongAdder();
    final Map<String, LongAdder> successByReason = new ConcurrentHashMap<>();
    final Histogram ttft = new Histogram(Histogram.TTFT_BUCKETS);
    final Histogram tpot = new Histogram(Histogram.TPOT_BUCKETS);
    final Histogram e2e = new Histogram(Histogram.E2E_BUCKETS);

    public long promptTokens() {
        return promptTokens.sum();
    }

    public long generationTokens() {
        return generationTokens.sum();
    }

    public long succeeded() {
        return successByReason.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public Histogram ttft() {
        return ttft;
    }

    public Histogram tpot() {
        return tpot;
    }

    public Histogram e2e() {
        return e2e;
    }
}
