package io.llmgateway.gateway.resilience;

import java.time.Duration;

/**
 * Concurrency cap of one deployment ({@code max-concurrency}, {@code resilience.max-queue}).
 *
 * @param maxConcurrency calls in flight at once; {@link #UNLIMITED} when not configured
 * @param maxQueue       requests that may wait for a slot; 0 = refuse at once (the next candidate is tried)
 * @param maxQueueWait   longest wait for a slot before giving up on this deployment
 */
public record BulkheadSettings(int maxConcurrency, int maxQueue, Duration maxQueueWait) {

    public static final int UNLIMITED = Integer.MAX_VALUE;
    public static final BulkheadSettings DEFAULTS = new BulkheadSettings(UNLIMITED, 0, Duration.ofSeconds(10));

    public BulkheadSettings {
        Checks.range("max-concurrency", maxConcurrency, 1, UNLIMITED);
        Checks.range("max-queue", maxQueue, 0, 1_000_000);
        Checks.positive("max-queue-wait", maxQueueWait);
    }

    public boolean limited() {
        return maxConcurrency != UNLIMITED;
    }
}
