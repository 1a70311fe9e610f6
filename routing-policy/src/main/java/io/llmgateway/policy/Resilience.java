package io.llmgateway.policy;

import java.time.Duration;

/**
 * Per-deployment resilience settings (applied by the executor). Every field has a documented default.
 *
 * @param circuitBreaker when to stop sending to a failing deployment
 * @param retry          retries on the same deployment (retryable errors only), before failing over
 * @param maxQueue       waiting room when max-concurrency is reached (0 = refuse at once, next candidate)
 */
public record Resilience(CircuitBreakerSettings circuitBreaker, RetrySettings retry, int maxQueue) {

    public static final Resilience DEFAULTS = new Resilience(CircuitBreakerSettings.DEFAULTS, RetrySettings.DEFAULTS, 0);

    /**
     * @param failureRatePercent  open when this share of calls in the window failed (1..100; default 50)
     * @param slowCallRatePercent open when this share was slow (1..100; default 100)
     * @param slowCallDuration    a call slower than this is slow (default 60s)
     * @param window              calls in the sliding window (default 20)
     * @param minCalls            calls before the rates are evaluated (default 10, at most window)
     * @param openFor             how long it stays open before half-open trials (default 30s)
     * @param halfOpenCalls       trial calls when half-open (default 2)
     */
    public record CircuitBreakerSettings(int failureRatePercent, int slowCallRatePercent, Duration slowCallDuration,
                                         int window, int minCalls, Duration openFor, int halfOpenCalls) {
        public static final CircuitBreakerSettings DEFAULTS = new CircuitBreakerSettings(
                50, 100, Duration.ofSeconds(60), 20, 10, Duration.ofSeconds(30), 2);
    }

    /**
     * @param maxAttempts attempts on one deployment including the first (default 1: no retry, fail over instead)
     * @param backoff     first wait (default 200ms)
     * @param maxBackoff  longest wait (default 5s)
     * @param jitter      random share of the wait, 0..1 (default 0.5)
     */
    public record RetrySettings(int maxAttempts, Duration backoff, Duration maxBackoff, double jitter) {
        public static final RetrySettings DEFAULTS = new RetrySettings(1, Duration.ofMillis(200), Duration.ofSeconds(5), 0.5);
    }
}
