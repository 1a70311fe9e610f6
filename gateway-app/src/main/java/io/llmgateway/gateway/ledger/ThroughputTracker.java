package io.llmgateway.gateway.ledger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens per second each deployment has processed recently (all requests together), for the
 * self-hosted cost model. Kept per 10-second slot over the last minute; lock-free enough for the
 * observer path (one small synchronized block per call).
 */
final class ThroughputTracker {

    private static final int SLOTS = 6;
    private static final long SLOT_NANOS = 10_000_000_000L;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /** Records tokens finished now and returns the deployment's tokens per second over the last minute. */
    double record(String deployment, long tokens, long nowNanos) {
        return windows.computeIfAbsent(deployment, d -> new Window()).add(tokens, nowNanos);
    }

    private static final class Window {
        private final long[] tokens = new long[SLOTS];
        private final long[] slotOf = new long[SLOTS];

        synchronized double add(long n, long now) {
            long slot = Math.floorDiv(now, SLOT_NANOS);
            int i = (int) Math.floorMod(slot, SLOTS);
            if (slotOf[i] != slot) {
                slotOf[i] = slot;
                tokens[i] = 0;
            }
            tokens[i] += n;
            long sum = 0;
            for (int k = 0; k < SLOTS; k++) {
                if (slot - slotOf[k] < SLOTS) {
                    sum += tokens[k];
                }
            }
            return sum / (SLOTS * SLOT_NANOS / 1e9);
        }
    }
}
