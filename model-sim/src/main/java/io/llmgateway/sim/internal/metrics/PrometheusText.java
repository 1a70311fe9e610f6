package io.llmgateway.sim.internal.metrics;

import io.llmgateway.sim.internal.engine.EngineLoad;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** Writes a node's metrics in the Prometheus text format (0.0.4) with vLLM's metric names. */
public final class PrometheusText {
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {
    }

    public static String render(String nodeId, NodeMetrics metrics, EngineLoad load) {
        StringBuilder out = new StringBuilder(8192);
        Map<String, ModelMetrics> models = metrics.models();
        gauge(out, "vllm:num_requests_running", "Number of requests in model execution batches.", models,
                (m, sb) -> sb.append(load.running().getOrDefault(m, 0)));
        gauge(out, "vllm:num_requests_waiting", "Number of requests waiting to be processed.", models,
                (m, sb) -> sb.append(load.waiting().getOrDefault(m, 0)));
        gauge(out, "vllm:gpu_cache_usage_perc", "GPU KV-cache usage. 1 means 100 percent usage.", models,
                (m, sb) -> sb.append(load.kvCacheUsage()));
        gauge(out, "vllm:kv_cache_usage_perc", "KV-cache usage. 1 means 100 percent usage.", models,
                (m, sb) -> sb.append(load.kvCacheUsage()));
        counter(out, "vllm:prompt_tokens_total", "Number of prefill tokens processed.", models,
                (m, sb) -> sb.append((double) models.get(m).promptTokens()));
        counter(out, "vllm:generation_tokens_total", "Number of generation tokens processed.", models,
                (m, sb) -> sb.append((double) models.get(m).generationTokens()));
        help(out, "vllm:request_success_total", "Count of successfully processed requests.", "counter");
        models.forEach((name, m) -> m.successByReason.forEach((reason, n) ->
                out.append("vllm:request_success_total{finished_reason=\"").append(reason).append("\",")
                        .append(label(name)).append("} ").append((double) n.sum()).append('\n')));
        histogram(out, "vllm:time_to_first_token_seconds", "Histogram of time to first token in seconds.", models,
                ModelMetrics::ttft);
        histogram(out, "vllm:time_per_output_token_seconds", "Histogram of time per output token in seconds.", models,
                ModelMetrics::tpot);
        histogram(out, "vllm:e2e_request_latency_seconds", "Histogram of end to end request latency in seconds.",
                models, ModelMetrics::e2e);
        String node = "node=\"" + escape(nodeId) + "\"";
        simple(out, "sim_requests_received_total", "Inference requests received by the simulator.", "counter", node,
                metrics.received());
        simple(out, "sim_requests_cancelled_total", "Requests whose client went away before the end.", "counter",
                node, metrics.cancelled());
        simple(out, "sim_requests_failed_total", "Requests answered with an error status.", "counter", node,
                metrics.failed());
        simple(out, "sim_faults_injected_total", "Requests that met an injected fault.", "counter", node,
                metrics.faults());
        simple(out, "sim_requests_active", "Requests being handled now.", "gauge", node, metrics.active());
        return out.toString();
    }

    private static void gauge(StringBuilder out, String name, String help, Map<String, ModelMetrics> models,
                              BiConsumer<String, StringBuilder> value) {
        perModel(out, name, help, "gauge", models, value);
    }

    private static void counter(StringBuilder out, String name, String help, Map<String, ModelMetrics> models,
                                BiConsumer<String, StringBuilder> value) {
        perModel(out, name, help, "counter", models, value);
    }

    private static void perModel(StringBuilder out, String name, String help, String type,
                                 Map<String, ModelMetrics> models, BiConsumer<String, StringBuilder> value) {
        help(out, name, help, type);
        for (String model : models.keySet()) {
            out.append(name).append('{').append(label(model)).append("} ");
            value.accept(model, out);
            out.append('\n');
        }
    }

    private static void histogram(StringBuilder out, String name, String help, Map<String, ModelMetrics> models,
                                  Function<ModelMetrics, Histogram> which) {
        help(out, name, help, "histogram");
        models.forEach((model, m) -> which.apply(m).writeSamples(out, name, label(model)));
    }

    private static void simple(StringBuilder out, String name, String help, String type, String labels, double v) {
        help(out, name, help, type);
        out.append(name).append('{').append(labels).append("} ").append(v).append('\n');
    }

    private static void help(StringBuilder out, String name, String help, String type) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static String label(String model) {
        return "model_name=\"" + escape(model) + "\"";
    }

    private static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
