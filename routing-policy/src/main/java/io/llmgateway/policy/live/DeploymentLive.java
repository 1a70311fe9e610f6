package io.llmgateway.policy.live;

import java.util.Objects;

/**
 * One deployment's live state at planning time, immutable.
 *
 * @param circuit              circuit breaker state (from the executor)
 * @param inFlight             requests the gateway has in flight to it
 * @param maxConcurrency       current concurrency limit; 0 = use the policy's {@code max-concurrency}
 * @param scraped              engine load from its metrics URL; null if none or stale
 * @param latency              latency estimates
 * @param outputTokensPerSecond measured output throughput of the whole deployment (recent peak); 0 if unmeasured
 */
public record DeploymentLive(CircuitState circuit, int inFlight, int maxConcurrency, LoadSample scraped,
                             LatencyEstimate latency, double outputTokensPerSecond) {

    /** Nothing known: closed, idle, unmeasured. */
    public static final DeploymentLive UNKNOWN = new DeploymentLive(CircuitState.CLOSED, 0, 0, null, LatencyEstimate.NONE, 0);

    public DeploymentLive {
        Objects.requireNonNull(circuit, "circuit");
        Objects.requireNonNull(latency, "latency");
    }
}
