package io.llmgateway.sim.internal.engine;

import reactor.core.publisher.Flux;

/** Schedules generations and emits their token steps in simulated time. One scheduler thread per node. */
public interface GenerationEngine extends AutoCloseable {

    /**
     * A cold flux: on subscribe the request joins the queue; it then emits step numbers
     * {@code 0 .. request.steps()-1} as each step's tokens are produced and completes (right after prefill
     * for a request without choices). Cancelling it frees the request's batch slots and KV cache.
     * Signals are delivered on the engine's scheduler thread.
     */
    Flux<Integer> submit(EngineRequest request);

    /** Throws {@link IllegalArgumentException} when the request can never fit the node (KV cache, batch slots). */
    default void checkCapacity(EngineRequest request) {
    }

    /** The latest load snapshot. */
    EngineLoad load();

    /** Stops the scheduler; pending and running requests fail with {@link EngineClosedException}. */
    @Override
    void close();
}
