package io.llmgateway.policy.live;

/** Percentiles in milliseconds over the tracker's recent window; NaN when there are no samples. */
public record Percentiles(double p50, double p90, double p99) {

    public static final Percentiles NONE = new Percentiles(Double.NaN, Double.NaN, Double.NaN);
}
