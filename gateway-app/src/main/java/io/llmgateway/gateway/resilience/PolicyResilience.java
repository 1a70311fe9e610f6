package io.llmgateway.gateway.resilience;

import io.llmgateway.policy.Deployment;
import io.llmgateway.policy.Resilience;

/**
 * A deployment's resilience settings from the policy ({@code max-concurrency}, {@code resilience.*});
 * the policy loader has already filled every knob not given with its documented default. A request
 * waits for a free slot at most the deployment's first-token timeout.
 */
public final class PolicyResilience {

    private PolicyResilience() {
    }

    public static ResilienceSettings settingsOf(Deployment d) {
        Resilience r = d.resilience();
        Resilience.CircuitBreakerSettings cb = r.circuitBreaker();
        Resilience.RetrySettings retry = r.retry();
        int max = d.profile().maxConcurrency();
        return new ResilienceSettings(
                new CircuitBreakerSettings(cb.failureRatePercent(), cb.slowCallRatePercent(), cb.slowCallDuration(),
                        cb.window(), cb.minCalls(), cb.openFor(), cb.halfOpenCalls()),
                new RetrySettings(retry.maxAttempts(), retry.backoff(), retry.maxBackoff(), retry.jitter()),
                new BulkheadSettings(max <= 0 ? BulkheadSettings.UNLIMITED : max, r.maxQueue(), d.timeouts().firstToken()));
    }
}
