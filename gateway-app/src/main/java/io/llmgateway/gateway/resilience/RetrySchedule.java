package io.llmgateway.gateway.resilience;

import io.llmgateway.adapter.error.GatewayException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When to try the same deployment again. Only for failures another try can fix soon: refused, reset,
 * 500/502/503/529 ({@code UPSTREAM_UNAVAILABLE}, {@code UPSTREAM_ERROR}) and 429. Timeouts and malformed
 * answers fail over to the next candidate at once (a retry would most likely wait or fail the same way);
 * circuit-open and saturated are never retried here. The wait is exponential with jitter, at least the
 * upstream's {@code Retry-After}; a {@code Retry-After} beyond {@code max-backoff} gives up on the
 * deployment so the next candidate can answer now.
 */
public final class RetrySchedule {

    private final RetrySettings settings;
    private final DoubleSupplier random;

    public RetrySchedule(RetrySettings settings, DoubleSupplier random) {
        this.settings = settings;
        this.random = random;
    }

    public static RetrySchedule of(RetrySettings settings) {
        return new RetrySchedule(settings, () -> ThreadLocalRandom.current().nextDouble());
    }

    public static boolean retryableOnSameDeployment(GatewayException e) {
        if (GuardErrors.fromGuard(e)) {
            return false;
        }
        return switch (e.kind()) {
            case UPSTREAM_UNAVAILABLE, UPSTREAM_ERROR, RATE_LIMITED -> true;
            default -> false;
        };
    }

    /**
     * @param attemptsSoFar tries already made on this deployment (1 after the first failure)
     * @return the wait before the next try, or null to give up on this deployment
     */
    public Duration delay(int attemptsSoFar, GatewayException e) {
        if (attemptsSoFar >= settings.maxAttempts() || !retryableOnSameDeployment(e)) {
            return null;
        }
        Duration max = settings.maxBackoff();
        if (e.retryAfter() != null && e.retryAfter().compareTo(max) > 0) {
            return null;
        }
        long nominal = settings.backoff().toNanos() << Math.min(20, attemptsSoFar - 1);
        nominal = Math.min(nominal < 0 ? Long.MAX_VALUE : nominal, max.toNanos());
        double spread = 1 - settings.jitter() + 2 * settings.jitter() * random.getAsDouble();
        Duration wait = Duration.ofNanos(Math.min(max.toNanos(), (long) (nominal * spread)));
        return e.retryAfter() != null && e.retryAfter().compareTo(wait) > 0 ? e.retryAfter() : wait;
    }
}
