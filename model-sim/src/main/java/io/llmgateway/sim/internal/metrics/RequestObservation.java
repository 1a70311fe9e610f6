package io.llmgateway.sim.internal.metrics;

import java.util.concurrent.atomic.LongAdder;

/** Times one request: TTFT at its first token step, TPOT over the later steps, end-to-end at success. */
public final class RequestObservation {
    private final ModelMetrics model;
    private final long start = System.nanoTime();
    private long firstStep;
    private long lastStep;
    private int steps;

    RequestObservation(ModelMetrics model) {
        this.model = model;
    }

    /** A token step was produced carrying {@code tokens} tokens (one per active choice). */
    public synchronized void step(int tokens) {
        long now = System.nanoTime();
        if (steps++ == 0) {
            firstStep = now;
            model.ttft.observe((now - start) / 1e9);
        }
        lastStep = now;
        model.generationTokens.add(tokens);
    }

    /** The response completed normally; {@code finishReason} labels {@code vllm:request_success_total}. */
    public synchronized void succeeded(String finishReason) {
        model.e2e.observe((System.nanoTime() - start) / 1e9);
        if (steps > 1) {
            model.tpot.observe((lastStep - firstStep) / 1e9 / (steps - 1));
        }
        model.successByReason.computeIfAbsent(finishReason, r -> new LongAdder()).increment();
    }
}
