package io.llmgateway.policy.rule;

import java.util.Locale;

/** How a rule orders its candidates once the hard constraints have filtered them. */
public enum Strategy {
    /** Lowest expected cost among those meeting the rule's SLO, then the rest by expected latency. */
    CHEAPEST,
    /** Lowest expected time to first token (EWMA). */
    FASTEST,
    /** Lowest (in-flight + waiting) / max-concurrency + KV-cache usage. */
    LEAST_LOADED,
    /** Random order drawn by weight (deterministic for a request's seed). */
    WEIGHTED,
    /** The order written in the rule. */
    ORDERED;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Strategy parse(String s) {
        for (Strategy v : values()) {
            if (v.id().equals(s)) {
                return v;
            }
        }
        return null;
    }
}
