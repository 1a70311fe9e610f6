package io.llmgateway.sim;

import static io.llmgateway.sim.SimClient.chatBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.sim.GpuProfile.ApiBehaviour;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ClosedApiProfileTest {
    static final String MODEL = "gpt-4o-mini";

    @Test
    void requestsPerMinuteLimitAnswers429WithOpenAiBodyAndHeaders() {
        GpuProfile api = GpuProfile.named("openai-api").withApi(new ApiBehaviour(40, 0.3, 1, 2, 3, 0));
        try (SimNode node = SimNode.start(SimNodeConfig.builder().id("api").profile(api).models(MODEL).build())) {
            SimClient client = new SimClient(node);
            SimClient.Reply ok = null;
            for (int i = 0; i < 3; i++) {
                ok = client.post("/v1/chat/completions", chatBody(MODEL, "hi", "\"max_tokens\":3"));
                assertThat(ok.status()).isEqualTo(200);
            }
            assertThat(ok.headers().get("x-ratelimit-limit-requests")).isEqualTo("3");
            assertThat(ok.headers().get("x-ratelimit-remaining-requests")).isEqualTo("0");

            SimClient.Reply limited = client.post("/v1/chat/completions", chatBody(MODEL, "hi", "\"max_tokens\":3"));
            assertThat(limited.status()).isEqualTo(429);
            assertThat(Integer.parseInt(limited.headers().get("Retry-After"))).isBetween(1, 20);
            assertThat(limited.headers().get("x-ratelimit-reset-requests")).isNotBlank();
            JsonNode error = limited.json().get("error");
            assertThat(error.get("type").asString()).isEqualTo("requests");
            assertThat(error.get("code").asString()).isEqualTo("rate_limit_exceeded");
            assertThat(error.get("message").asString()).startsWith("Rate limit reached");
            assertThat(error.has("param")).isTrue();
        }
    }

    @Test
    void tokensPerMinuteLimitCountsPromptAndMaxTokens() {
        GpuProfile api = GpuProfile.named("openai-api").withApi(new ApiBehaviour(40, 0.3, 1, 2, 0, 100));
        try (SimNode node = SimNode.start(SimNodeConfig.builder().id("api").profile(api).models(MODEL).build())) {
            SimClient client = new SimClient(node);
            assertThat(client.post("/v1/chat/completions", chatBody(MODEL, "hi", "\"max_tokens\":60")).status()).isEqualTo(200);

            SimClient.Reply limited = client.post("/v1/chat/completions", chatBody(MODEL, "hi", "\"max_tokens\":60"));
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.json().at("/error/type").asString()).isEqualTo("tokens");
            assertThat(limited.headers().get("x-ratelimit-limit-tokens")).isEqualTo("100");
        }
    }

    @Test
    void streamsWithSampledLatencyAndOpenAiErrors() {
        GpuProfile api = GpuProfile.named("openai").withApi(new ApiBehaviour(30, 0.2, 2, 4, 0, 0));
        try (SimNode node = SimNode.start(SimNodeConfig.builder().id("api").profile(api).models(MODEL).build())) {
            SimClient client = new SimClient(node);
            List<String> events = client.stream("/v1/chat/completions",
                    chatBody(MODEL, "hi", "\"stream\":true,\"max_tokens\":10,\"stream_options\":{\"include_usage\":true}"))
                    .collectList().block(SimClient.TIMEOUT);

            assertThat(events).hasSize(1 + 10 + 1 + 1 + 1);
            assertThat(SimClient.JSON.readTree(events.get(0)).get("system_fingerprint").asString()).startsWith("fp_");
            assertThat(client.get("/v1/models").json().at("/data/0/owned_by").asString()).isEqualTo("system");
            SimClient.Reply missing = client.post("/v1/chat/completions", chatBody("gpt-5", "x", ""));
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json().at("/error/code").asString()).isEqualTo("model_not_found");
            assertThat(node.metrics().meanTimeToFirstTokenSeconds()).isGreaterThan(0.005);
        }
    }

    @Test
    void apiKeyIsRequiredWhenConfigured() {
        try (SimNode node = SimNode.start(TestNodes.fastA10().apiKey("sk-test").build())) {
            SimClient anonymous = new SimClient(node);
            SimClient.Reply denied = anonymous.post("/v1/chat/completions", chatBody(TestNodes.CHAT, "x", ""));
            assertThat(denied.status()).isEqualTo(401);
            assertThat(denied.json().at("/error/code").asString()).isEqualTo("invalid_api_key");
            assertThat(anonymous.get("/health").status()).isEqualTo(200);
            assertThat(anonymous.withHeader("Authorization", "Bearer wrong").get("/v1/models").status()).isEqualTo(401);

            SimClient.Reply ok = anonymous.withHeader("Authorization", "Bearer sk-test")
                    .post("/v1/chat/completions", chatBody(TestNodes.CHAT, "x", ""));
            assertThat(ok.status()).isEqualTo(200);
        }
    }
}
