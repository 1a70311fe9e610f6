package io.llmgateway.policy.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Engine load from Prometheus text: vLLM (per model), SGLang, and text that has none. */
class EngineMetricsTest {

    static final String VLLM = """
            # HELP vllm:num_requests_running Number of requests in model execution batches.
            # TYPE vllm:num_requests_running gauge
            vllm:num_requests_running{model_name="Qwen2.5-7B-Instruct"} 3.0
            vllm:num_requests_running{model_name="bge-m3"} 1.0
            # TYPE vllm:num_requests_waiting gauge
            vllm:num_requests_waiting{model_name="Qwen2.5-7B-Instruct"} 2.0
            vllm:num_requests_waiting{model_name="bge-m3"} 0.0
            vllm:gpu_cache_usage_perc{model_name="Qwen2.5-7B-Instruct"} 0.42
            vllm:gpu_cache_usage_perc{model_name="bge-m3"} 0.42
            vllm:time_to_first_token_seconds_bucket{le="0.1",model_name="Qwen2.5-7B-Instruct"} 12 1700000000000
            vllm:request_success_total{finished_reason="stop",model_name="we\\"ird,}"} 4
            """;

    @Test
    void readsTheDeploymentsOwnModelWhenLabelled() {
        LoadSample s = EngineMetrics.parse(VLLM, "Qwen2.5-7B-Instruct", 7);
        assertThat(s).isEqualTo(new LoadSample(3, 2, 0.42, 7));
    }

    @Test
    void sumsEveryModelWhenTheDeploymentsIsNotListed() {
        LoadSample s = EngineMetrics.parse(VLLM, "other", 7);
        assertThat(s.running()).isEqualTo(4);
        assertThat(s.waiting()).isEqualTo(2);
        assertThat(s.kvCacheUsage()).isEqualTo(0.42);
    }

    @Test
    void readsSglangAndTheNewVllmKvName() {
        assertThat(EngineMetrics.parse("sglang:num_running_reqs 5\nsglang:num_queue_reqs 7\nsglang:token_usage 0.9\n", "m", 1))
                .isEqualTo(new LoadSample(5, 7, 0.9, 1));
        assertThat(EngineMetrics.parse("vllm:num_requests_running 1\nvllm:kv_cache_usage_perc 0.25\n", "m", 1).kvCacheUsage())
                .isEqualTo(0.25);
    }

    @Test
    void textWithoutEngineGaugesIsNull() {
        assertThat(EngineMetrics.parse("# nothing\nprocess_cpu_seconds_total 12.5\n", "m", 1)).isNull();
        assertThat(EngineMetrics.parse("", "m", 1)).isNull();
    }

    @Test
    void labelValuesAreUnescaped() {
        assertThat(PrometheusText.label("finished_reason=\"stop\",model_name=\"we\\\"ird,}\"", "model_name")).isEqualTo("we\"ird,}");
        assertThat(PrometheusText.label("a=\"1\"", "b")).isNull();
    }
}
