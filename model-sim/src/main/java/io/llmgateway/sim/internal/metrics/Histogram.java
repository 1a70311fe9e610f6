package io.llmgateway.sim.internal.metrics;

import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** A Prometheus histogram with fixed upper bounds, lock-free to observe. */
public final class Histogram {
    /** vLLM's buckets for {@code vllm:time_to_first_token_seconds}. */
    public static final double[] TTFT_BUCKETS = {0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75,
        1.0, 2.5, 5.0, 7.5, 10.0, 20.0, 40.0, 80.0, 160.0, 640.0, 2560.0};
    /** vLLM's buckets for {@code vllm:time_per_output_token_seconds}. */
    public static final double[] TPOT_BUCKETS = {0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0,
        2.5, 5.0, 7.5, 10.0, 20.0, 40.0, 80.0};
    /** vLLM's buckets for {@code vllm:e2e_request_latency_seconds}. */
    public static final double[] E2E_BUCKETS = {0.3, 0.5, 0.8, 1.0, 1.5, 2.0, 2.5, 5.0, 10.0, 15.0, 20.0, 30.0, 40.0,
        50.0, 60.0, 120.0, 240.0, 480.0, 960.0, 1920.0, 7680.0};

    private final double[] bounds;
    private final LongAdder[] counts;
    private final LongAdder count = new LongAdder();
    private final DoubleAdder sum = new DoubleAdder();

    public Histogram(double[] bounds) {
        this.bounds = bounds.clone();
        this.counts = new LongAdder[bounds.length];
        for (int i = 0; i < bounds.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    public void observe(double value) {
        for (int i = 0; i < bounds.length; i++) {
            if (value <= bounds[i]) {
                counts[i].increment();
                break;
            }
        }
        count.increment();
        sum.add(value);
    }

    public long count() {
        return count.sum();
    }

    public double sum() {
        return sum.sum();
    }

    /** Appends {@code _bucket}, {@code _count} and {@code _sum} samples; {@code labels} is e.g. {@code model_name="x"}. */
    public void writeSamples(StringBuilder out, String name, String labels) {
        long cumulative = 0;
        for (int i = 0; i < bounds.length; i++) {
            cumulative += counts[i].sum();
            out.append(name).append("_bucket{le=\"").append(bounds[i]).append("\",").append(labels).append("} ")
                    .append((double) cumulative).append('\n');
        }
        long total = count.sum();
        out.append(name).append("_bucket{le=\"+Inf\",").append(labels).append("} ").append((double) total).append('\n');
        out.append(name).append("_count{").append(labels).append("} ").append((double) total).append('\n');
        out.append(name).append("_sum{").append(labels).append("} ").append(sum.sum()).append('\n');
    }
}
