package io.llmgateway.policy.live;

/** Where the circuit state of each deployment comes from (the executor's circuit breakers). */
@FunctionalInterface
public interface CircuitStates {

    CircuitStates ALL_CLOSED = id -> CircuitState.CLOSED;

    CircuitState of(String deploymentId);

    /**
     * Requests waiting for a concurrency slot of the deployment (the executor's waiting room). They count
     * towards saturation like requests in flight: a deployment whose slots and waiting room are full is
     * rejected by the planner instead of being offered and refused by the executor.
     */
    default int waiting(String deploymentId) {
        return 0;
    }
}
