package io.llmgateway.sim.internal.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** Everything one node counts: request outcomes, faults, and per-model vLLM metrics. */
public final class NodeMetrics {
    private final LongAdder received = new LongAdder();
    private final LongAdder cancelled = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder faults = new LongAdder();
    private final AtomicInteger active = new AtomicInteger();
    private final Map<String, ModelMetrics> models = new LinkedHashMap<>();

    public NodeMetrics(List<String> modelNames) {
        modelNames.forEach(m -> models.put(m, new ModelMetrics()));
    }

    public void requestStarted() {
        received.increment();
        active.incrementAndGet();
    }

    public void requestEnded() {
        active.decrementAndGet();
    }

    public void requestCancelled() {
        cancelled.increment();
    }

    /** A request answered with an error status (injected or not). */
    public void requestFailed() {
        failed.increment();
    }

    public void faultInjected() {
        faults.increment();
    }

    /** Starts timing an inference request that reached the engine. */
    public RequestObservation observe(String model, int promptTokens) {
        ModelMetrics m = models.get(model);
        m.promptTokens.add(promptTokens);
        return new RequestObservation(m);
    }

    public long received() {
        return received.sum();
    }

    public long cancelled() {
        return cancelled.sum();
    }

    public long failed() {
        return failed.sum();
    }

    public long faults() {
        return faults.sum();
    }

    public int active() {
        return active.get();
    }

    public Map<String, ModelMetrics> models() {
        return models;
    }
}
