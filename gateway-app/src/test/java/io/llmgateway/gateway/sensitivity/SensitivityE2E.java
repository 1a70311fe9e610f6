package io.llmgateway.gateway.sensitivity;

import io.llmgateway.adapter.schema.WireJson;
import io.llmgateway.gateway.support.PolicyFiles;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.node.ObjectNode;

/**
 * The gateway with an external vendor (first in every alias, so anything that may go out does) and a
 * private GPU pool that is up ({@code chat}) or down ({@code chat-down}: nothing listens). Every finding
 * category is mapped above the external threshold; app {@code masker} redacts confidential findings.
 * Subclasses share one Spring context and the upstreams (which live as long as the JVM: closing them
 * after one subclass would break the next on the cached context).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SensitivityE2E {

    static final String APP = "sk-e2e-app-123456";
    static final String MASKER = "sk-e2e-masker-123456";
    static final String ADMIN = "sk-admin-e2e-123456";
    static final EchoUpstream EXTERNAL = new EchoUpstream();
    static final EchoUpstream PRIVATE = new EchoUpstream();
    static final String DOWN = deadUrl();

    @DynamicPropertySource
    static void policy(DynamicPropertyRegistry r) {
        String yaml = """
                pools:
                  - {id: gpu, zone: private}
                  - {id: vendor, zone: external}
                deployments:
                  - {id: vendor-api, pool: vendor, api: openai, url: "%s", model: gpt}
                  - {id: gpu-up, pool: gpu, api: openai, url: "%s", model: q}
                  - {id: gpu-down, pool: gpu, api: openai, url: "%s", model: q}
                models:
                  chat: [vendor-api, gpu-up]
                  chat-down: [vendor-api, gpu-down]
                sensitivity:
                  findings: {pii: confidential, financial: confidential, source-code: confidential, custom: confidential, secret: secret}
                  keywords: {projects: [Bluebird]}
                  regexes: {customer-id: "CUST-[0-9]{8}"}
                  max-scan-chars: 8192
                apps:
                  - {id: app, key: %s}
                  - {id: masker, key: %s, redact: [confidential]}
                """.formatted(EXTERNAL.baseUrl(), PRIVATE.baseUrl(), DOWN, APP, MASKER);
        r.add("gateway.policy", () -> PolicyFiles.write(yaml).toString());
        r.add("gateway.admin.key", () -> ADMIN);
        r.add("gateway.routing.watch", () -> "false");
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30)).build();
        EXTERNAL.bodies().clear();
        PRIVATE.bodies().clear();
    }

    WebTestClient.ResponseSpec chat(String key, String model, String content, boolean stream) {
        ObjectNode body = WireJson.MAPPER.createObjectNode().put("model", model).put("stream", stream);
        body.putArray("messages").addObject().put("role", "user").put("content", content);
        return post("/v1/chat/completions", key, body.toString());
    }

    WebTestClient.ResponseSpec post(String path, String key, String json) {
        return client.post().uri(path).header("Authorization", "Bearer " + key).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json).exchange();
    }

    /** A URL where nothing listens: a server bound and closed again. */
    private static String deadUrl() {
        try (EchoUpstream gone = new EchoUpstream()) {
            return gone.baseUrl();
        }
    }
}
