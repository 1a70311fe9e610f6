package io.llmgateway.policy;

import io.llmgateway.policy.Resilience.CircuitBreakerSettings;
import io.llmgateway.policy.Resilience.RetrySettings;
import io.llmgateway.policy.yaml.ConfigNode;
import java.util.Set;

/** Binds {@code deployments[i].resilience}; every field is optional with the defaults of {@link Resilience}. */
final class ResilienceBinder {

    private static final Set<String> FIELDS = Set.of("circuit-breaker", "retry", "max-queue");
    private static final Set<String> CB_FIELDS = Set.of(
            "failure-rate", "slow-call-rate", "slow-call-duration", "window", "min-calls", "open-for", "half-open-calls");
    private static final Set<String> RETRY_FIELDS = Set.of("max-attempts", "backoff", "max-backoff", "jitter");

    private ResilienceBinder() {
    }

    static Resilience bind(ConfigNode node) {
        Fields f = Fields.of(node, FIELDS);
        CircuitBreakerSettings cb = f.has("circuit-breaker") ? circuitBreaker(f.get("circuit-breaker")) : CircuitBreakerSettings.DEFAULTS;
        RetrySettings retry = f.has("retry") ? retry(f.get("retry")) : RetrySettings.DEFAULTS;
        int maxQueue = f.integer("max-queue", 0, 1_000_000, 0);
        return new Resilience(cb, retry, maxQueue);
    }

    private static CircuitBreakerSettings circuitBreaker(ConfigNode node) {
        CircuitBreakerSettings d = CircuitBreakerSettings.DEFAULTS;
        Fields f = Fields.of(node, CB_FIELDS);
        int window = f.integer("window", 1, 100_000, d.window());
        int minCalls = f.integer("min-calls", 1, 100_000, d.minCalls());
        if (minCalls > window && !f.failed()) {
            f.get(f.has("min-calls") ? "min-calls" : "window")
                    .fail("min-calls (" + minCalls + ") must not exceed window (" + window + ")");
        }
        return new CircuitBreakerSettings(
                f.integer("failure-rate", 1, 100, d.failureRatePercent()),
                f.integer("slow-call-rate", 1, 100, d.slowCallRatePercent()),
                f.duration("slow-call-duration", d.slowCallDuration()),
                window, minCalls,
                f.duration("open-for", d.openFor()),
                f.integer("half-open-calls", 1, 10_000, d.halfOpenCalls()));
    }

    private static RetrySettings retry(ConfigNode node) {
        RetrySettings d = RetrySettings.DEFAULTS;
        Fields f = Fields.of(node, RETRY_FIELDS);
        var backoff = f.duration("backoff", d.backoff());
        var maxBackoff = f.duration("max-backoff", d.maxBackoff());
        if (backoff.compareTo(maxBackoff) > 0) {
            f.node().fail("backoff (" + backoff + ") must not exceed max-backoff (" + maxBackoff + ")");
        }
        return new RetrySettings(f.integer("max-attempts", 1, 10, d.maxAttempts()), backoff, maxBackoff,
                f.number("jitter", 0, 1, d.jitter()));
    }
}
