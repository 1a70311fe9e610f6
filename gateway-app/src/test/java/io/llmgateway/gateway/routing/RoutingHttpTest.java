package io.llmgateway.gateway.routing;

import static io.llmgateway.gateway.support.FakeUpstream.chatCompletion;
import static io.llmgateway.gateway.support.FakeUpstream.chunk;
import static io.llmgateway.gateway.support.FakeUpstream.finishChunk;
import static io.llmgateway.gateway.support.FakeUpstream.json;
import static io.llmgateway.gateway.support.FakeUpstream.sse;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.gateway.support.FakeUpstream;
import io.llmgateway.gateway.support.PolicyFiles;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routing through the HTTP API: rule and data-class headers on proxied answers, fail closed for a class
 * that needs a private backend, and {@code /admin/route/explain} without any upstream call.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RoutingHttpTest {

    static final FakeUpstream PRIVATE = new FakeUpstream((req, res) -> json(res, 200, chatCompletion("private", 5, 1)));
    static final FakeUpstream EXTERNAL = new FakeUpstream((req, res) -> json(res, 200, chatCompletion("external", 5, 1)));
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String ADMIN = "sk-admin-routing-test";

    @DynamicPropertySource
    static void policy(DynamicPropertyRegistry r) {
        String yaml = """
                pools:
                  - {id: a10, zone: private, gpu-hour-cost: 0.9}
                  - {id: openai, zone: external}
                deployments:
                  - {id: qwen7, pool: a10, api: openai, url: "%s", model: q7, context-window: 8192, capabilities: [chat, completions]}
                  - {id: gpt4o, pool: openai, api: openai, url: "%s", model: gpt-4o, price: {input-per-1m: 2.5, output-per-1m: 10}}
                models:
                  chat: [qwen7, gpt4o]
                  gpt: [gpt4o]
                apps:
                  - {id: support, key: sk-support-123456, data-class: internal}
                  - {id: marketing, key: sk-marketing-123456}
                rules:
                  - name: marketing-external
                    when: {app: marketing, model: chat}
                    route: {deployments: [gpt4o], fallback: [qwen7]}
                  - name: support-private-first
                    when: {app: support}
                    route: {pools: [a10], strategy: cheapest, fallback: [gpt4o], any-model: true}
                """.formatted(PRIVATE.baseUrl(), EXTERNAL.baseUrl());
        r.add("gateway.policy", () -> PolicyFiles.write(yaml).toString());
        r.add("gateway.admin.key", () -> ADMIN);
        r.add("gateway.routing.watch", () -> "false");
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void setUp() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30)).build();
        PRIVATE.received().clear();
        EXTERNAL.received().clear();
    }

    @AfterAll
    static void stop() {
        PRIVATE.close();
        EXTERNAL.close();
    }

    @Test
    void proxiedAnswersNameTheRuleAndTheDataClass() {
        chat("sk-support-123456", "chat", null)
                .expectStatus().isOk()
                .expectHeader().valueEquals("x-gateway-route", "support-private-first")
                .expectHeader().valueEquals("x-gateway-data-class", "internal")
                .expectHeader().valueEquals("x-gateway-deployment", "qwen7");
        chat("sk-marketing-123456", "chat", null)
                .expectStatus().isOk()
                .expectHeader().valueEquals("x-gateway-route", "marketing-external")
                .expectHeader().valueEquals("x-gateway-data-class", "public")
                .expectHeader().valueEquals("x-gateway-deployment", "gpt4o");
        chat("sk-marketing-123456", "gpt", null)
                .expectStatus().isOk()
                .expectHeader().valueEquals("x-gateway-route", "gpt");
    }

    @Test
    void streamsCarryTheHeadersToo() {
        PRIVATE.behave((req, res) -> res.status(200).header("content-type", "text/event-stream")
                .sendString(Flux.just(sse(chunk("a")), sse(finishChunk()), sse("[DONE]"))).then());
        try {
            client.post().uri("/v1/chat/completions").header("Authorization", "Bearer sk-support-123456")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"model\":\"chat\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals("x-gateway-route", "support-private-first")
                    .expectHeader().valueEquals("x-gateway-data-class", "internal")
                    .returnResult(String.class).getResponseBody().blockLast(Duration.ofSeconds(10));
        } finally {
            PRIVATE.behave((req, res) -> json(res, 200, chatCompletion("private", 5, 1)));
        }
    }

    @Test
    void aDeclaredClassCanRaiseButNotLowerAndMovesTheRequestToPrivate() {
        chat("sk-marketing-123456", "chat", "confidential")
                .expectStatus().isOk()
                .expectHeader().valueEquals("x-gateway-data-class", "confidential")
                .expectHeader().valueEquals("x-gateway-deployment", "qwen7");
        assertThat(EXTERNAL.received()).isEmpty();
        chat("sk-support-123456", "chat", "public")
                .expectStatus().isOk()
                .expectHeader().valueEquals("x-gateway-data-class", "internal");
    }

    @Test
    void failsClosedWhenTheDataClassNeedsAPrivateBackendThatTheModelLacks() {
        chat("sk-marketing-123456", "gpt", "secret")
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.error.code").isEqualTo("data_class_requires_private_backend")
                .jsonPath("$.error.type").isEqualTo("service_unavailable")
                .jsonPath("$.error.message").value(m -> assertThat((String) m)
                        .contains("data class 'secret' requires a private backend"));
        assertThat(EXTERNAL.received()).isEmpty();
    }

    @Test
    void anUnknownDeclaredClassIsABadRequest() {
        chat("sk-marketing-123456", "chat", "top-secret")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.code").isEqualTo("invalid_data_class");
    }

    @Test
    void explainShowsTheDecisionWithoutCallingAnyUpstream() {
        String body = client.post().uri("/admin/route/explain")
                .header("Authorization", "Bearer " + ADMIN)
                .header("x-app-id", "marketing")
                .header("x-data-class", "confidential")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"chat\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"hello there\"}]}")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        JsonNode j = JSON.readTree(body);
        assertThat(j.get("app").asString()).isEqualTo("marketing");
        assertThat(j.get("model").asString()).isEqualTo("chat");
        assertThat(j.get("data_class").get("id").asString()).isEqualTo("confidential");
        assertThat(j.get("data_class").get("why").asString()).isEqualTo("header");
        assertThat(j.get("data_class").get("allowed_zones").toString()).isEqualTo("[\"private\"]");
        assertThat(j.get("rule").asString()).isEqualTo("marketing-external");
        assertThat(j.get("strategy").asString()).isEqualTo("ordered");
        assertThat(j.get("outcome").asString()).isEqualTo("routed");
        JsonNode c = j.get("candidates").get(0);
        assertThat(c.get("deployment").asString()).isEqualTo("qwen7");
        assertThat(c.get("pool").asString()).isEqualTo("a10");
        assertThat(c.get("zone").asString()).isEqualTo("private");
        assertThat(c.get("fallback").asBoolean()).isTrue();
        assertThat(c.has("expected_cost_usd")).isTrue();
        assertThat(c.has("expected_ttft_ms")).isTrue();
        assertThat(c.get("reason").asString()).isEqualTo("fallback #1 of rule 'marketing-external'");
        JsonNode r = j.get("rejected").get(0);
        assertThat(r.get("deployment").asString()).isEqualTo("gpt4o");
        assertThat(r.get("reason_code").asString()).isEqualTo("ZONE_NOT_ALLOWED");
        assertThat(r.get("reason").asString()).isEqualTo("data class 'confidential' may not go to zone external");
        assertThat(PRIVATE.received()).isEmpty();
        assertThat(EXTERNAL.received()).isEmpty();
    }

    @Test
    void explainTakesTheAppsKeyAndReportsFailClosed() {
        client.post().uri("/admin/route/explain")
                .header("Authorization", "Bearer " + ADMIN)
                .header("x-explain-app-key", "sk-marketing-123456")
                .header("x-data-class", "secret")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"gpt\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.app").isEqualTo("marketing")
                .jsonPath("$.outcome").isEqualTo("data_class_zone")
                .jsonPath("$.route").isEqualTo("gpt")
                .jsonPath("$.candidates.length()").isEqualTo(0)
                .jsonPath("$.rejected[0].reason_code").isEqualTo("ZONE_NOT_ALLOWED");
        client.post().uri("/admin/route/explain").header("Authorization", "Bearer " + ADMIN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"model\":\"gpt\",\"messages\":[]}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.code").isEqualTo("missing_app");
        client.post().uri("/admin/route/explain").header("x-app-id", "marketing")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"model\":\"gpt\",\"messages\":[]}")
                .exchange().expectStatus().isUnauthorized();
    }

    private WebTestClient.ResponseSpec chat(String key, String model, String dataClass) {
        var spec = client.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + key);
        if (dataClass != null) {
            spec = spec.header("x-data-class", dataClass);
        }
        return spec.contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}")
                .exchange();
    }
}
