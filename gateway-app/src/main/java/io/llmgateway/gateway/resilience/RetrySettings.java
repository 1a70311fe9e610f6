package io.llmgateway.gateway.resilience;

import java.time.Duration;

/**
 * Retries on the same deployment ({@code deployments[].resilience.retry}), before failing over to the
 * next candidate. Only for errors that another try can fix, and only while nothing reached the client.
 *
 * @param maxAttempts tries on this deployment including the first (1 = no retry: fail over at once)
 * @param backoff     wait before the first retry; doubles on each further retry
 * @param maxBackoff  cap on one wait; an upstream {@code Retry-After} longer than this fails over instead
 * @param jitter      random spread of each wait, 0..1 (0.5 = between 50% and 150% of the nominal wait)
 */
public record RetrySettings(int maxAttempts, Duration backoff, Duration maxBackoff, double jitter) {

    public static final RetrySettings DEFAULTS = new RetrySettings(1, Duration.ofMillis(200), Duration.ofSeconds(5), 0.5);

    public RetrySettings {
        Checks.range("max-attempts", maxAttempts, 1, 10);
        Checks.positive("backoff", backoff);
        Checks.positive("max-backoff", maxBackoff);
        if (maxBackoff.compareTo(backoff) < 0) {
            throw new IllegalArgumentException("max-backoff must be at least backoff, got " + maxBackoff + " < " + backoff);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be within [0, 1], got " + jitter);
        }
    }
}
