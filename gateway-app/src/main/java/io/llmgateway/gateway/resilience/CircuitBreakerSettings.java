package io.llmgateway.gateway.resilience;

import java.time.Duration;

/**
 * Circuit breaker of one deployment ({@code deployments[].resilience.circuit-breaker}).
 *
 * @param failureRatePercent  open when at least this share of the calls in the window failed (1..100)
 * @param slowCallRatePercent open when at least this share was slow (1..100; 100 = only if every call is slow)
 * @param slowCallDuration    a call is slow when its first token (stream) or whole answer (non-stream) takes longer
 * @param window              number of most recent calls the rates are computed over
 * @param minCalls            no decision before this many calls were recorded
 * @param openFor             how long the circuit stays open before it lets probes through (half-open)
 * @param halfOpenCalls       probes allowed while half-open; all must succeed-enough to close again
 */
public record CircuitBreakerSettings(
        int failureRatePercent,
        int slowCallRatePercent,
        Duration slowCallDuration,
        int window,
        int minCalls,
        Duration openFor,
        int halfOpenCalls) {

    public static final CircuitBreakerSettings DEFAULTS = new CircuitBreakerSettings(
            50, 100, Duration.ofSeconds(60), 20, 10, Duration.ofSeconds(30), 2);

    public CircuitBreakerSettings {
        Checks.range("failure-rate", failureRatePercent, 1, 100);
        Checks.range("slow-call-rate", slowCallRatePercent, 1, 100);
        Checks.positive("slow-call-duration", slowCallDuration);
        Checks.range("window", window, 1, 100_000);
        Checks.range("min-calls", minCalls, 1, 100_000);
        Checks.positive("open-for", openFor);
        Checks.range("half-open-calls", halfOpenCalls, 1, 10_000);
    }
}
