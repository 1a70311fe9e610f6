package io.llmgateway.sim;

import static io.llmgateway.sim.SimClient.chatBody;
import static io.llmgateway.sim.TestNodes.CHAT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {

    @Test
    void metricsUseVllmNamesWithPlausibleValues() {
        try (SimNode node = SimNode.start(TestNodes.fastA10().build())) {
            SimClient client = new SimClient(node);
            int promptTokens = 0;
            for (int i = 0; i < 3; i++) {
                promptTokens += client.post("/v1/chat/completions", chatBody(CHAT, "metrics " + i, "\"max_tokens\":5,\"ignore_eos\":true"))
                        .json().at("/usage/prompt_tokens").asInt();
            }
            client.stream("/v1/chat/completions", chatBody(CHAT, "s", "\"stream\":true,\"max_tokens\":4,\"ignore_eos\":true"))
                    .blockLast(SimClient.TIMEOUT);
            int streamPrompt = client.post("/v1/chat/completions", chatBody(CHAT, "s", "\"max_tokens\":1")).json()
                    .at("/usage/prompt_tokens").asInt();

            SimClient.Reply reply = client.get("/metrics");
            String text = reply.body();
            assertThat(reply.headers().get("content-type")).startsWith("text/plain");
            String label = "{model_name=\"" + CHAT + "\"}";
            assertThat(value(text, "vllm:num_requests_running" + label)).isZero();
            assertThat(value(text, "vllm:num_requests_waiting" + label)).isZero();
            assertThat(value(text, "vllm:gpu_cache_usage_perc" + label)).isBetween(0.0, 1.0);
            assertThat(value(text, "vllm:kv_cache_usage_perc" + label)).isBetween(0.0, 1.0);
            assertThat(value(text, "vllm:prompt_tokens_total" + label)).isEqualTo(promptTokens + 2.0 * streamPrompt);
            assertThat(value(text, "vllm:generation_tokens_total" + label)).isEqualTo(3 * 5 + 4 + 1);
            assertThat(value(text, "vllm:request_success_total{finished_reason=\"length\",model_name=\"" + CHAT + "\"}"))
                    .isEqualTo(5);
            assertThat(value(text, "vllm:time_to_first_token_seconds_count" + label)).isEqualTo(5);
            assertThat(value(text, "vllm:time_to_first_token_seconds_sum" + label)).isPositive();
            assertThat(value(text, "vllm:time_per_output_token_seconds_count" + label)).isEqualTo(4);
            assertThat(value(text, "vllm:e2e_request_latency_seconds_count" + label)).isEqualTo(5);
            assertThat(text).contains("vllm:e2e_request_latency_seconds_bucket{le=\"+Inf\",model_name=\"" + CHAT + "\"} 5.0");
            assertThat(text).contains("# TYPE vllm:time_to_first_token_seconds histogram");
            assertThat(text).contains("# TYPE vllm:prompt_tokens_total counter");
            assertThat(value(text, "sim_requests_received_total{node=\"test-a10\"}")).isEqualTo(5);
            assertThat(node.metrics().requestsSucceeded()).isEqualTo(5);
            assertThat(node.metrics().prometheusText()).contains("vllm:num_requests_running");
        }
    }

    private static double value(String text, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(text);
        assertThat(m.find()).as("series %s in%n%s", series, text).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
