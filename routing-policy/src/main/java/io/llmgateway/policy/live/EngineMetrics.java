package io.llmgateway.policy.live;

/**
 * Reads an inference engine's load from its Prometheus text ({@code /metrics}): vLLM
 * ({@code vllm:num_requests_running}, {@code vllm:num_requests_waiting}, {@code vllm:gpu_cache_usage_perc}
 * or {@code vllm:kv_cache_usage_perc}) and SGLang ({@code sglang:num_running_reqs},
 * {@code sglang:num_queue_reqs}, {@code sglang:token_usage}). When a server reports several models,
 * the samples labelled {@code model_name} = the deployment's model are used; otherwise all are summed.
 */
public final class EngineMetrics {

    private EngineMetrics() {
    }

    /** The load in {@code text} for {@code model}, or null when it holds none of the known gauges. */
    public static LoadSample parse(CharSequence text, String model, long nowMillis) {
        Gauge running = new Gauge(false);
        Gauge waiting = new Gauge(false);
        Gauge kv = new Gauge(true);
        PrometheusText.forEach(text, (name, labels, value) -> {
            Gauge g = switch (name) {
                case "vllm:num_requests_running", "sglang:num_running_reqs" -> running;
                case "vllm:num_requests_waiting", "sglang:num_queue_reqs" -> waiting;
                case "vllm:gpu_cache_usage_perc", "vllm:kv_cache_usage_perc", "sglang:token_usage" -> kv;
                default -> null;
            };
            if (g != null) {
                g.add(model != null && model.equals(PrometheusText.label(labels, "model_name")), value);
            }
        });
        if (!running.seen && !waiting.seen) {
            return null;
        }
        return new LoadSample(running.value(), waiting.value(), kv.seen ? kv.value() : Double.NaN, nowMillis);
    }

    /** Sum (or max, for usage ratios) over all samples and over those of the deployment's model. */
    private static final class Gauge {
        private final boolean max;
        private boolean seen;
        private boolean matched;
        private double all;
        private double mine;

        Gauge(boolean max) {
            this.max = max;
        }

        void add(boolean isMine, double v) {
            if (Double.isNaN(v)) {
                return;
            }
            seen = true;
            all = max ? Math.max(all, v) : all + v;
            if (isMine) {
                matched = true;
                mine = max ? Math.max(mine, v) : mine + v;
            }
        }

        double value() {
            return matched ? mine : all;
        }
    }
}
