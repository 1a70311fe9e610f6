package io.llmgateway.gateway.admission;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.gateway.GatewayApplication;
import io.llmgateway.gateway.support.FakeUpstream;
import io.llmgateway.gateway.support.PolicyFiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two gateway instances (two Spring contexts, random ports) sharing one Redis and one policy with a
 * small RPM: hammered concurrently, together they admit exactly the limit.
 */
class TwoGatewaysShareRedisTest {

    static final int RPM = 12;

    @Test
    void twoInstancesEnforceOneGlobalLimit() throws java.io.IOException {
        String redis = TestRedis.url();
        String prefix = TestRedis.prefix();
        try (FakeUpstream up = new FakeUpstream((req, res) -> FakeUpstream.json(res, 200, FakeUpstream.chatCompletion("hi", 5, 1)))) {
            String yaml = "deployments:\n" + PolicyFiles.deployment("up", up.baseUrl(), null) + """
                    models:
                      chat: [up]
                    apps:
                      - id: shared-app
                        key: sk-shared-1234567
                        limits: {rpm: %d}
                      - id: warm-up
                        key: sk-warmup-1234567
                        limits: {rpm: 100000}
                    """.formatted(RPM);
            String policy = PolicyFiles.write(yaml).toString();
            List<ConfigurableApplicationContext> gateways = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    gateways.add(new SpringApplicationBuilder(GatewayApplication.class).run(
                            "--server.port=0", "--gateway.policy=" + policy, "--gateway.redis.url=" + redis,
                            "--gateway.redis.key-prefix=" + prefix, "--gateway.redis.timeout=5s", "--gateway.admission.replicas=2",
                            "--gateway.ledger.data-dir=" + java.nio.file.Files.createTempDirectory("ledger-" + i),
                            "--spring.main.banner-mode=off"));
                }
                HttpClient http = HttpClient.newHttpClient();
                for (ConfigurableApplicationContext g : gateways) {
                    // a cold JVM's first Redis script call is slow; warm both instances up on another app
                    http.sendAsync(chat(g, "sk-warmup-1234567"), HttpResponse.BodyHandlers.ofString()).join();
                }
                List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
                for (int i = 0; i < RPM * 3; i++) {
                    calls.add(http.sendAsync(chat(gateways.get(i % 2), "sk-shared-1234567"), HttpResponse.BodyHandlers.ofString()));
                }
                long ok = calls.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 200).count();
                long limited = calls.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 429).count();
                assertThat(ok).as("one global RPM across both instances").isEqualTo(RPM);
                assertThat(limited).isEqualTo(RPM * 2L);
                assertThat(up.received()).hasSize(RPM + 2);
            } finally {
                gateways.forEach(ConfigurableApplicationContext::close);
            }
        }
    }

    static HttpRequest chat(ConfigurableApplicationContext gateway, String key) {
        String port = gateway.getEnvironment().getProperty("local.server.port");
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"chat\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                .build();
    }
}
