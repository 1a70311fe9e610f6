package io.llmgateway.gateway.resilience;

import java.util.Objects;

/** Everything the executor applies around calls to one deployment; equal settings keep the live state on reload. */
public record ResilienceSettings(CircuitBreakerSettings circuitBreaker, RetrySettings retry, BulkheadSettings bulkhead) {

    public static final ResilienceSettings DEFAULTS =
            new ResilienceSettings(CircuitBreakerSettings.DEFAULTS, RetrySettings.DEFAULTS, BulkheadSettings.DEFAULTS);

    public ResilienceSettings {
        Objects.requireNonNull(circuitBreaker, "circuitBreaker");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(bulkhead, "bulkhead");
    }
}
