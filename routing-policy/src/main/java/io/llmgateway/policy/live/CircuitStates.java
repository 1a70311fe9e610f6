package io.llmgateway.policy.live;

/** Where the circuit state of each deployment comes from (the executor's circuit breakers). */
@FunctionalInterface
public interface CircuitStates {

    CircuitStates ALL_CLOSED = id -> CircuitState.CLOSED;

    CircuitState of(String deploymentId);
}
