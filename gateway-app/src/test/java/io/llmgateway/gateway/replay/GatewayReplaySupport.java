package io.llmgateway.gateway.replay;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway with one in-process upstream per wire API behind it (OpenAI-compatible, Azure OpenAI,
 * Anthropic, Ollama, TGI), each deployment bound by the policy to its adapter, and clients for it:
 * the official OpenAI SDK and a raw HTTP client. Aliases: {@code gpt-5-nano}, {@code babbage-002},
 * {@code text-embedding-3-small}, {@code compat} (OpenAI-compatible), {@code azure-gpt-5-nano},
 * {@code claude}, {@code llama3.2}, {@code all-minilm} (Ollama), {@code tgi}. The upstreams live as long
 * as the test JVM, like the application context Spring caches for every subclass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class GatewayReplaySupport {

    static final String KEY = "sk-replay-123456";
    static final ReplayUpstream OPENAI = new ReplayUpstream();
    static final ReplayUpstream AZURE = new ReplayUpstream();
    static final ReplayUpstream ANTHROPIC = new ReplayUpstream();
    static final ReplayUpstream OLLAMA = new ReplayUpstream();
    static final ReplayUpstream TGI = new ReplayUpstream();

    @DynamicPropertySource
    static void policy(DynamicPropertyRegistry registry) {
        String yaml = "deployments:\n"
                + deployment("openai-gpt5", "openai", OPENAI.base() + "/v1", "gpt-5-nano", null)
                + deployment("openai-babbage", "openai", OPENAI.base() + "/v1", "babbage-002", null)
                + deployment("openai-embed", "openai", OPENAI.base() + "/v1", "text-embedding-3-small", null)
                + deployment("openai-compat", "openai", OPENAI.base() + "/v1", "compat-model", null)
                + deployment("azure-gpt5", "azure-openai", AZURE.base() + "/openai/deployments/gpt-5-nano", "gpt-5-nano",
                        "{api-version: 2024-12-01-preview}")
                + deployment("anthropic-sonnet", "anthropic", ANTHROPIC.base() + "/v1", "claude-sonnet-4-5",
                        "{max-tokens-default: '1024'}")
                + deployment("ollama-llama", "ollama", OLLAMA.base(), "llama3.2", null)
                + deployment("ollama-embed", "ollama", OLLAMA.base(), "all-minilm", null)
                + deployment("tgi-llama", "tgi", TGI.base(), "meta-llama/Llama-3.1-8B-Instruct", "{chat-template: llama3}")
                + """
                models:
                  gpt-5-nano: [openai-gpt5]
                  babbage-002: [openai-babbage]
                  text-embedding-3-small: [openai-embed]
                  compat: [openai-compat]
                  azure-gpt-5-nano: [azure-gpt5]
                  claude: [anthropic-sonnet]
                  llama3.2: [ollama-llama]
                  all-minilm: [ollama-embed]
                  tgi: [tgi-llama]
                apps:
                  - id: replay-app
                    key: %s
                """.formatted(KEY);
        registry.add("gateway.policy", () -> write(yaml).toString());
    }

    private static String deployment(String id, String api, String url, String model, String options) {
        return """
                  - id: %s
                    pool: replay
                    zone: private
                    api: %s
                    url: %s
                    model: %s
                    timeouts: {connect: 2s, first-token: 20s, idle: 20s, total: 30s}
                """.formatted(id, api, url, model) + (options == null ? "" : "    options: " + options + "\n");
    }

    private static Path write(String yaml) {
        try {
            Path p = Files.createTempFile("replay-policy-", ".yaml");
            Files.writeString(p, yaml);
            p.toFile().deleteOnExit();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;

    OpenAIClient sdk() {
        return OpenAIOkHttpClient.builder()
                .baseUrl("http://127.0.0.1:" + port + "/v1")
                .apiKey(KEY)
                .maxRetries(0)
                .timeout(Duration.ofSeconds(30))
                .build();
    }

    WebTestClient http() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", "Bearer " + KEY)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }
}
