package io.llmgateway.policy.rule;

import java.time.Duration;

/**
 * A rule's latency objective, used by {@link Strategy#CHEAPEST}; null fields are not constrained.
 *
 * @param ttft  expected time to first token must not exceed this
 * @param total expected total time must not exceed this
 */
public record Slo(Duration ttft, Duration total) {

    public static final Slo NONE = new Slo(null, null);

    public boolean isNone() {
        return ttft == null && total == null;
    }
}
