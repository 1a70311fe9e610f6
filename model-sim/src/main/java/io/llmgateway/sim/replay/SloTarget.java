package io.llmgateway.sim.replay;

import io.llmgateway.policy.rule.Slo;

/**
 * The latency objective a served request is measured against, in milliseconds: time to first token and
 * total time, both from the request's arrival at the gateway.
 *
 * @param ttftMs  time to first token
 * @param totalMs end-to-end time
 */
public record SloTarget(double ttftMs, double totalMs) {

    /** Used where neither a flag nor the matched rule gives an objective: 2 s to the first token, 60 s in total. */
    public static final SloTarget DEFAULT = new SloTarget(2_000, 60_000);

    public SloTarget {
        if (!(ttftMs > 0) || !(totalMs > 0)) {
            throw new IllegalArgumentException("SLO times must be > 0, were ttft " + ttftMs + " ms, total " + totalMs + " ms");
        }
    }

    /** The rule's {@code slo} where it sets a field, else this. */
    SloTarget orRule(Slo slo) {
        if (slo == null || slo.isNone()) {
            return this;
        }
        return new SloTarget(slo.ttft() == null ? ttftMs : slo.ttft().toNanos() / 1e6,
                slo.total() == null ? totalMs : slo.total().toNanos() / 1e6);
    }
}
