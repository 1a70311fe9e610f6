package io.llmgateway.gateway.demo;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** With no policy file the gateway runs the demo: simulated A100/A10 nodes and a closed-API stand-in. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gateway.demo.base-port=0")
class DemoModeTest {

    @LocalServerPort
    int port;

    @Test
    void demoKeyServesEveryDemoModel() {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
        for (String[] m : new String[][] {{"chat-small", "qwen7-a10"}, {"chat-large", "qwen72-a100"}, {"gpt-4o", "gpt-4o-api"}}) {
            client.post().uri("/v1/chat/completions").header("Authorization", "Bearer sk-demo-123")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"model\":\"" + m[0] + "\",\"max_tokens\":4,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals("x-gateway-deployment", m[1])
                    .expectBody().jsonPath("$.usage.completion_tokens").isEqualTo(4);
        }
        client.post().uri("/v1/embeddings").header("Authorization", "Bearer sk-demo-123")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"embed\",\"input\":[\"a\",\"b\"]}")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.length()").isEqualTo(2);
    }

    @Test
    void aSecretIsServedPrivatelyAndNeverSentToTheClosedApi() {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
        String secret = "{\"model\":\"%s\",\"max_tokens\":4,\"messages\":[{\"role\":\"user\",\"content\":\"my key AKIAQ3EGRLAUXTKGWV7Z\"}]}";
        client.post().uri("/v1/chat/completions").header("Authorization", "Bearer sk-demo-123")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(secret.formatted("chat-small"))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("x-gateway-deployment", "qwen7-a10")
                .expectHeader().valueEquals("x-gateway-data-class", "secret");
        client.post().uri("/v1/chat/completions").header("Authorization", "Bearer sk-demo-123")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(secret.formatted("gpt-4o"))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().doesNotExist("x-gateway-deployment")
                // gpt-4o has no private deployment: the same request can never be served, so SDKs must not retry it
                .expectHeader().valueEquals("x-should-retry", "false")
                .expectBody().jsonPath("$.error.code").isEqualTo("data_class_requires_private_backend");
        // the code assistant's floor keeps even a harmless request private
        client.post().uri("/v1/chat/completions").header("Authorization", "Bearer sk-code-456")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"chat-small\",\"max_tokens\":4,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("x-gateway-data-class", "confidential");
    }
}
