package io.llmgateway.sim;

import io.llmgateway.sim.internal.engine.EngineLoad;
import io.llmgateway.sim.internal.metrics.Histogram;
import io.llmgateway.sim.internal.metrics.ModelMetrics;
import io.llmgateway.sim.internal.metrics.NodeMetrics;
import io.llmgateway.sim.internal.metrics.PrometheusText;
import java.util.function.Function;
import java.util.function.Supplier;

/** Read-only counters of one node, for tests and benchmarks. {@code /metrics} shows the same numbers. */
public final class SimMetrics {
    private final String nodeId;
    private final NodeMetrics metrics;
    private final Supplier<EngineLoad> load;

    SimMetrics(String nodeId, NodeMetrics metrics, Supplier<EngineLoad> load) {
        this.nodeId = nodeId;
        this.metrics = metrics;
        this.load = load;
    }

    /** {@code /v1/*} requests received (including faulted and failed ones). */
    public long requestsReceived() {
        return metrics.received();
    }

    /** Requests whose client disconnected (or whose connection was closed) before the response ended. */
    public long requestsCancelled() {
        return metrics.cancelled();
    }

    /** {@code /v1/*} requests in progress, including hung and stalled ones. */
    public int activeRequests() {
        return metrics.active();
    }

    /** Requests answered with an error status. */
    public long requestsFailed() {
        return metrics.failed();
    }

    /** Requests that met an injected fault. */
    public long faultsInjected() {
        return metrics.faults();
    }

    /** Requests completed normally ({@code vllm:request_success_total} over all models). */
    public long requestsSucceeded() {
        return metrics.models().values().stream().mapToLong(ModelMetrics::succeeded).sum();
    }

    public long promptTokens() {
        return metrics.models().values().stream().mapToLong(ModelMetrics::promptTokens).sum();
    }

    public long generationTokens() {
        return metrics.models().values().stream().mapToLong(ModelMetrics::generationTokens).sum();
    }

    /** Requests in the running batch now. */
    public int running() {
        return load.get().totalRunning();
    }

    /** Requests queued for batch slots or KV cache now. */
    public int waiting() {
        return load.get().totalWaiting();
    }

    /** KV-cache usage, 0..1. */
    public double kvCacheUsage() {
        return load.get().kvCacheUsage();
    }

    /** Mean observed time to first token in seconds over all models (NaN before the first token). */
    public double meanTimeToFirstTokenSeconds() {
        return mean(ModelMetrics::ttft);
    }

    /** Mean of the per-request mean time per output token in seconds (NaN before the first such request). */
    public double meanTimePerOutputTokenSeconds() {
        return mean(ModelMetrics::tpot);
    }

    private double mean(Function<ModelMetrics, Histogram> which) {
        long n = metrics.models().values().stream().mapToLong(m -> which.apply(m).count()).sum();
        double sum = metrics.models().values().stream().mapToDouble(m -> which.apply(m).sum()).sum();
        return n == 0 ? Double.NaN : sum / n;
    }

    /** The {@code /metrics} text. */
    public String prometheusText() {
        return PrometheusText.render(nodeId, metrics, load.get());
    }
}
