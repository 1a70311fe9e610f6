package io.llmgateway.sim.internal.engine;

/** The node was closed while a request was queued or running. */
public final class EngineClosedException extends IllegalStateException {
    public EngineClosedException(String node) {
        super("simulated node " + node + " is closed");
    }
}
