package io.llmgateway.gateway.resilience;

import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import java.time.Duration;

/**
 * The errors the guards raise themselves, before any byte goes upstream. They are retryable (so the
 * executor fails over to the next candidate) but never retried on the same deployment.
 */
public final class GuardErrors {

    public static final String CIRCUIT_OPEN = "circuit_open";
    public static final String SATURATED = "deployment_saturated";

    private GuardErrors() {
    }

    static GatewayException circuitOpen(String deploymentId, Duration retryAfter) {
        return GatewayException.builder(ErrorKind.UPSTREAM_UNAVAILABLE,
                        "deployment '" + deploymentId + "' is temporarily unavailable (circuit open after repeated failures)")
                .code(CIRCUIT_OPEN).retryAfter(retryAfter).build();
    }

    static GatewayException saturated(String deploymentId, String why) {
        return GatewayException.builder(ErrorKind.UPSTREAM_UNAVAILABLE,
                "deployment '" + deploymentId + "' is saturated: " + why).code(SATURATED).build();
    }

    /** Whether the error was raised by a guard (no upstream was contacted). */
    public static boolean fromGuard(GatewayException e) {
        return CIRCUIT_OPEN.equals(e.code()) || SATURATED.equals(e.code());
    }
}
