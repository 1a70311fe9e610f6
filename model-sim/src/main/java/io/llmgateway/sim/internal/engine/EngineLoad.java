package io.llmgateway.sim.internal.engine;

import java.util.Map;

/** A snapshot of the engine's load, published after every scheduler step. */
public record EngineLoad(Map<String, Integer> running, Map<String, Integer> waiting, double kvCacheUsage) {
    public static final EngineLoad IDLE = new EngineLoad(Map.of(), Map.of(), 0.0);

    public EngineLoad {
        running = Map.copyOf(running);
        waiting = Map.copyOf(waiting);
    }

    public int totalRunning() {
        return running.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int totalWaiting() {
        return waiting.values().stream().mapToInt(Integer::intValue).sum();
    }
}
