package io.llmgateway.sim.replay;

import java.util.Arrays;

/** Exact percentiles (nearest rank) of a list of values; NaN when empty. */
final class Quantiles {

    private double[] values = new double[1024];
    private int size;
    private boolean sorted = true;

    void add(double v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
        sorted = false;
    }

    /** The {@code q} quantile, 0 < q <= 1. */
    double at(double q) {
        if (size == 0) {
            return Double.NaN;
        }
        if (!sorted) {
            Arrays.sort(values, 0, size);
            sorted = true;
        }
        int rank = (int) Math.ceil(q * size);
        return values[Math.min(size, Math.max(1, rank)) - 1];
    }
}
