package io.llmgateway.policy.live;

/** A deployment's circuit breaker state, as reported by the executor. */
public enum CircuitState {
    /** Calls flow. */
    CLOSED,
    /** Calls are refused: the planner rejects the deployment. */
    OPEN,
    /** A few trial calls are let through: the planner keeps it, after the closed candidates. */
    HALF_OPEN
}
