package io.llmgateway.gateway.api;

import static io.llmgateway.gateway.support.FakeUpstream.chatCompletion;
import static io.llmgateway.gateway.support.FakeUpstream.chunk;
import static io.llmgateway.gateway.support.FakeUpstream.finishChunk;
import static io.llmgateway.gateway.support.FakeUpstream.json;
import static io.llmgateway.gateway.support.FakeUpstream.sse;
import static io.llmgateway.gateway.support.FakeUpstream.usageChunk;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.gateway.support.FakeUpstream;
import io.llmgateway.gateway.support.PolicyFiles;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP contract against scripted in-process upstreams: success paths, every error status, streaming semantics. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HttpContractTest {

    static final FakeUpstream PRIMARY = new FakeUpstream((req, res) -> json(res, 200, chatCompletion("hi", 5, 1)));
    static final FakeUpstream SECONDARY = new FakeUpstream((req, res) -> json(res, 200, chatCompletion("from secondary", 5, 2)));
    static final FakeUpstream SLOW = new FakeUpstream((req, res) -> Mono.never());
    static final int DEAD_PORT = freePort();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void policy(DynamicPropertyRegistry r) {
        String yaml = "deployments:\n"
                + PolicyFiles.deployment("primary", PRIMARY.baseUrl(), null)
                + PolicyFiles.deployment("secondary", SECONDARY.baseUrl(), null)
                + PolicyFiles.deployment("dead", "http://127.0.0.1:" + DEAD_PORT + "/v1", "timeouts: {connect: 1s}")
                + PolicyFiles.deployment("slow", SLOW.baseUrl(), "timeouts: {first-token: 700ms, total: 3s}")
                + """
                models:
                  chat: [primary]
                  failover: [dead, secondary]
                  dead-only: [dead]
                  slow: [slow]
                  other: [secondary]
                """ + PolicyFiles.APPS;
        r.add("gateway.policy", () -> PolicyFiles.write(yaml).toString());
        r.add("gateway.limits.max-body-bytes", () -> "65536");
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void setUp() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30)).build();
        PRIMARY.behave((req, res) -> json(res, 200, chatCompletion("hi", 5, 1)));
        PRIMARY.received().clear();
    }

    @AfterAll
    static void stop() {
        PRIMARY.close();
        SECONDARY.close();
        SLOW.close();
    }

    @Test
    void nonStreamingChatIsProxiedWithGatewayHeaders() {
        client.post().uri("/v1/chat/completions")
                .header("Authorization", "Bearer sk-test-123456")
                .header("x-request-id", "my-req-42")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"chat\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("x-request-id", "my-req-42")
                .expectHeader().valueEquals("x-gateway-deployment", "primary")
                .expectHeader().valueEquals("x-gateway-route", "chat")
                .expectHeader().exists("x-gateway-overhead-ms")
                .expectBody()
                .jsonPath("$.choices[0].message.content").isEqualTo("hi")
                .jsonPath("$.usage.total_tokens").isEqualTo(6);
    }

    @Test
    void fieldsTheGatewayDoesNotInterpretReachTheUpstreamUnchanged() {
        String body = """
                {"model":"chat","messages":[{"role":"user","content":"hello"}],
                 "tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}],
                 "tool_choice":"auto","response_format":{"type":"json_object"},"logprobs":true,"top_logprobs":2,"n":2,
                 "stop":["\\n\\n"],"seed":7,"user":"u-1","x_vendor_extension":{"nested":[1,2,{"k":null}]}}""";
        post("sk-test-123456", body).expectStatus().isOk();
        JsonNode sent = JSON.readTree(PRIMARY.received().get(0).body());
        JsonNode original = JSON.readTree(body);
        assertThat(sent.get("model").asString()).isEqualTo("up-model");
        for (String field : List.of("messages", "tools", "tool_choice", "response_format", "logprobs", "top_logprobs", "n",
                "stop", "seed", "user", "x_vendor_extension")) {
            assertThat(sent.get(field)).as(field).isEqualTo(original.get(field));
        }
        assertThat(PRIMARY.received().get(0).path()).isEqualTo("/v1/chat/completions");
        assertThat(PRIMARY.received().get(0).headers()).doesNotContainKey("authorization");
    }

    @Test
    void streamRelaysEventsAndEndsWithDoneWithoutUsageUnlessAsked() {
        PRIMARY.behave((req, res) -> res.header("content-type", "text/event-stream").sendString(Flux.just(
                sse(chunk("He")), sse(chunk("llo")), sse(finishChunk()), sse(usageChunk(5, 2)), "data: [DONE]\n\n")).then());
        List<String> events = streamEvents("{\"model\":\"chat\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
        assertThat(events).hasSize(4);
        assertThat(events.get(3)).isEqualTo("[DONE]");
        assertThat(events).noneMatch(e -> e.contains("\"usage\""));
        JsonNode upstreamBody = JSON.readTree(PRIMARY.received().get(0).body());
        assertThat(upstreamBody.path("stream_options").path("include_usage").asBoolean()).isTrue();

        List<String> withUsage = streamEvents("{\"model\":\"chat\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
        assertThat(withUsage).hasSize(5);
        assertThat(JSON.readTree(withUsage.get(3)).path("usage").path("total_tokens").asInt()).isEqualTo(7);
        assertThat(withUsage.get(4)).isEqualTo("[DONE]");
    }

    @Test
    void firstChunkReachesTheClientWhileTheUpstreamIsStillGenerating() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        PRIMARY.behave((req, res) -> res.header("content-type", "text/event-stream").sendString(
                Flux.just(sse(chunk("first")))
                        .concatWith(Mono.fromCallable(() -> release.await(20, TimeUnit.SECONDS))
                                .subscribeOn(Schedulers.boundedElastic())
                                .thenMany(Flux.just(sse(finishChunk()), "data: [DONE]\n\n")))).then());
        Flux<String> events = sseClient("{\"model\":\"chat\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
        StepVerifier.create(events)
                .assertNext(first -> {
                    assertThat(first).contains("first");
                    assertThat(release.getCount()).as("upstream still held back").isEqualTo(1);
                    release.countDown();
                })
                .assertNext(e -> assertThat(e).contains("finish_reason\":\"stop"))
                .expectNext("[DONE]")
                .verifyComplete();
    }

    @Test
    void aClientThatDisconnectsCancelsTheUpstreamRequest() {
        PRIMARY.behave((req, res) -> res.header("content-type", "text/event-stream")
                .sendString(Flux.interval(Duration.ofMillis(50)).map(i -> sse(chunk("t" + i)))).then());
        int before = PRIMARY.closedByClient();
        StepVerifier.create(sseClient("{\"model\":\"chat\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}").take(3))
                .expectNextCount(3)
                .verifyComplete();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(PRIMARY.closedByClient()).isGreaterThan(before));
    }

    @Test
    void anUpstreamFailureMidStreamEndsWithAnErrorEventAndNoDone() {
        PRIMARY.behave((req, res) -> res.header("content-type", "text/event-stream")
                .sendString(Flux.just(sse(chunk("partial")), sse(chunk(" answer")))).then());
        List<String> events = streamEvents("{\"model\":\"chat\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
        assertThat(events).hasSize(3);
        JsonNode err = JSON.readTree(events.get(2));
        assertThat(err.path("error").path("code").asString()).isEqualTo("upstream_error");
        assertThat(err.path("error").path("message").asString()).contains("ended the stream before the answer was complete");
        assertThat(events).doesNotContain("[DONE]");
    }

    @Test
    void failsOverToTheNextCandidateWhenTheFirstIsUnreachable() {
        client.post().uri("/v1/chat/completions").header("Authorization", "Bearer sk-test-123456")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"failover\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("x-gateway-deployment", "secondary")
                .expectBody().jsonPath("$.choices[0].message.content").isEqualTo("from secondary");
    }

    @Test
    void errorStatusesUseOpenAiEnvelope() {
        String ok = "{\"model\":\"chat\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";
        expectError(post(null, ok), 401, "invalid_request_error", "missing_api_key");
        expectError(post("sk-wrong-key-0000", ok), 401, "invalid_request_error", "invalid_api_key");
        expectError(post("sk-test-123456", "{\"model\":\"chat\",\"messages\":[{\"role\":"), 400, "invalid_request_error", null);
        expectError(post("sk-test-123456", "{\"model\":\"chat\",\"messages\":[],\"temperature\":3}"), 400, "invalid_request_error", null);
        expectError(post("sk-limited-123456", "{\"model\":\"other\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"),
                403, "permission_error", "model_not_allowed");
        expectError(post("sk-test-123456", "{\"model\":\"gpt-9\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"),
                404, "invalid_request_error", "model_not_found");
        String big = "{\"model\":\"chat\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "a".repeat(70_000) + "\"}]}";
        expectError(post("sk-test-123456", big), 413, "invalid_request_error", "request_too_large");
        expectError(post("sk-test-123456", "{\"model\":\"dead-only\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"),
                503, "upstream_error", "upstream_unavailable");
        expectError(post("sk-test-123456", "{\"model\":\"slow\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"),
                504, "timeout_error", "upstream_timeout");
        expectError(post("sk-test-123456", "{\"model\":\"slow\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"),
                504, "timeout_error", "upstream_timeout");
    }

    @Test
    void upstreamErrorsAreNormalisedAndRetryAfterPassedOn() {
        PRIMARY.behave((req, res) -> res.status(429).header("retry-after", "3").header("content-type", "application/json")
                .sendString(Mono.just("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}")).then());
        post("sk-test-123456", "{\"model\":\"chat\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .expectStatus().isEqualTo(429)
                .expectHeader().valueEquals("Retry-After", "3")
                .expectBody().jsonPath("$.error.type").isEqualTo("rate_limit_error");
        PRIMARY.behave((req, res) -> res.status(400).header("content-type", "application/json")
                .sendString(Mono.just("{\"object\":\"error\",\"message\":\"max_tokens is too large\",\"type\":\"BadRequestError\",\"param\":null,\"code\":400}")).then());
        post("sk-test-123456", "{\"model\":\"chat\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .expectStatus().isEqualTo(400)
                .expectBody().jsonPath("$.error.message").value(m -> assertThat((String) m).contains("max_tokens is too large"));
        PRIMARY.behave((req, res) -> res.status(200).header("content-type", "text/html").sendString(Mono.just("<html>hi</html>")).then());
        post("sk-test-123456", "{\"model\":\"chat\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .expectStatus().isEqualTo(502)
                .expectBody().jsonPath("$.error.code").isEqualTo("bad_upstream_response");
    }

    @Test
    void unknownRoutesAndMethodsAreOpenAiErrors() {
        client.get().uri("/v1/chat/completions").header("Authorization", "Bearer sk-test-123456").exchange()
                .expectStatus().isEqualTo(405).expectBody().jsonPath("$.error.type").isEqualTo("invalid_request_error");
        client.get().uri("/v1/nope").exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.error.code").isEqualTo("not_found");
    }

    @Test
    void modelsListsTheAliasesTheAppMayUse() {
        client.get().uri("/v1/models").header("Authorization", "Bearer sk-limited-123456").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.object").isEqualTo("list")
                .jsonPath("$.data.length()").isEqualTo(1)
                .jsonPath("$.data[0].id").isEqualTo("chat")
                .jsonPath("$.data[0].object").isEqualTo("model");
        client.get().uri("/v1/models/failover").header("Authorization", "Bearer sk-test-123456").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo("failover");
        client.get().uri("/v1/models/failover").header("Authorization", "Bearer sk-limited-123456").exchange()
                .expectStatus().isEqualTo(403);
        client.get().uri("/v1/models/none").header("Authorization", "Bearer sk-test-123456").exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.error.code").isEqualTo("model_not_found");
        client.get().uri("/v1/models").exchange().expectStatus().isUnauthorized();
    }

    private WebTestClient.ResponseSpec post(String key, String body) {
        WebTestClient.RequestBodySpec spec = client.post().uri("/v1/chat/completions").contentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            spec = spec.header("Authorization", "Bearer " + key);
        }
        return spec.bodyValue(body).exchange();
    }

    private static void expectError(WebTestClient.ResponseSpec spec, int status, String type, String code) {
        spec.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(String.class)
                .value(body -> {
                    JsonNode error = JSON.readTree(body).get("error");
                    assertThat(error.properties()).extracting(java.util.Map.Entry::getKey)
                            .containsExactlyInAnyOrder("message", "type", "param", "code");
                    assertThat(error.get("message").asString()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
                    assertThat(error.get("type").asString()).isEqualTo(type);
                    if (code != null) {
                        assertThat(error.get("code").asString()).isEqualTo(code);
                    }
                });
    }

    private Flux<String> sseClient(String body) {
        return client.post().uri("/v1/chat/completions").header("Authorization", "Bearer sk-test-123456")
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM)
                .bodyValue(body).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .getResponseBody()
                .map(ServerSentEvent::data);
    }

    private List<String> streamEvents(String body) {
        return sseClient(body).collectList().block(Duration.ofSeconds(20));
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
