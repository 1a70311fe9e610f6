package io.llmgateway.gateway.observe;

import static io.llmgateway.gateway.support.FakeUpstream.chatCompletion;
import static io.llmgateway.gateway.support.FakeUpstream.chunk;
import static io.llmgateway.gateway.support.FakeUpstream.json;
import static io.llmgateway.gateway.support.FakeUpstream.sse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.llmgateway.gateway.support.FakeUpstream;
import io.llmgateway.gateway.support.PolicyFiles;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * W3C trace context through the gateway: the client's {@code traceparent} is continued by the server span,
 * the gateway's own spans (classify, plan, one per upstream attempt) hang below it, and every upstream
 * request carries the trace id with its attempt's span as parent. Spans are read from an in-memory exporter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.tracing.sampling.probability=1.0",
        "management.opentelemetry.tracing.export.schedule-delay=50ms"})
@Import(TracingHttpTest.Spans.class)
@ExtendWith(OutputCaptureExtension.class)
class TracingHttpTest {

    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String CLIENT_SPAN = "00f067aa0ba902b7";
    static final FakeUpstream BAD = new FakeUpstream((req, res) -> res.status(500).header("content-type", "application/json")
            .sendString(reactor.core.publisher.Mono.just("{\"error\":{\"message\":\"injected\",\"type\":\"server_error\"}}")).then());
    static final FakeUpstream GOOD = new FakeUpstream((req, res) -> json(res, 200, chatCompletion("ok", 5, 1)));
    static final FakeUpstream DRIP = new FakeUpstream((req, res) -> res.header("content-type", "text/event-stream")
            .sendString(Flux.interval(Duration.ofMillis(50)).map(i -> sse(chunk("t" + i)))).then());

    @TestConfiguration
    static class Spans {
        @Bean
        InMemorySpanExporter inMemorySpanExporter() {
            return InMemorySpanExporter.create();
        }
    }

    @DynamicPropertySource
    static void policy(DynamicPropertyRegistry r) {
        String yaml = "deployments:\n"
                + PolicyFiles.deployment("bad", BAD.baseUrl(), null)
                + PolicyFiles.deployment("good", GOOD.baseUrl(), null)
                + PolicyFiles.deployment("drip", DRIP.baseUrl(), null)
                + """
                models:
                  pair: [bad, good]
                  chat: [good]
                  drip: [drip]
                """ + PolicyFiles.APPS;
        r.add("gateway.policy", () -> PolicyFiles.write(yaml).toString());
    }

    @Autowired
    InMemorySpanExporter spans;

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void setUp() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30)).build();
        BAD.received().clear();
        GOOD.received().clear();
        spans.reset();
    }

    @AfterAll
    static void stop() {
        BAD.close();
        GOOD.close();
        DRIP.close();
    }

    @Test
    void theClientsTraceContinuesThroughEveryAttemptUpstream(CapturedOutput output) {
        chat("pair", "00-" + TRACE + "-" + CLIENT_SPAN + "-01").expectStatus().isOk()
                .expectHeader().valueEquals("x-gateway-deployment", "good");

        String toBad = BAD.received().get(0).headers().get("traceparent");
        String toGood = GOOD.received().get(0).headers().get("traceparent");
        assertThat(toBad).startsWith("00-" + TRACE + "-").endsWith("-01");
        assertThat(toGood).startsWith("00-" + TRACE + "-").endsWith("-01");
        assertThat(parentOf(toGood)).isNotEqualTo(CLIENT_SPAN).isNotEqualTo(parentOf(toBad));

        List<SpanData> trace = awaitSpans(TRACE, 5);
        SpanData server = trace.stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
        assertThat(server.getParentSpanId()).isEqualTo(CLIENT_SPAN);
        assertThat(named(trace, CallTracing.CLASSIFY)).singleElement()
                .satisfies(s -> assertThat(s.getParentSpanId()).isEqualTo(server.getSpanId()))
                .satisfies(s -> assertThat(attr(s, "scan")).isEqualTo("complete"));
        assertThat(named(trace, CallTracing.PLAN)).singleElement()
                .satisfies(s -> assertThat(s.getParentSpanId()).isEqualTo(server.getSpanId()))
                .satisfies(s -> assertThat(attr(s, "outcome")).isEqualTo("routed"));

        List<SpanData> attempts = named(trace, AttemptTracingObserver.ATTEMPT);
        assertThat(attempts).hasSize(2).allSatisfy(s -> {
            assertThat(s.getParentSpanId()).isEqualTo(server.getSpanId());
            assertThat(s.getKind()).isEqualTo(SpanKind.CLIENT);
            assertThat(attr(s, "pool")).isEqualTo("a10");
            assertThat(attr(s, "zone")).isEqualTo("private");
        });
        SpanData first = attempts.get(0);
        SpanData second = attempts.get(1);
        assertThat(List.of(attr(first, "deployment"), attr(first, "attempt"), attr(first, "outcome")))
                .containsExactly("bad", "1", "upstream_error");
        assertThat(first.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(List.of(attr(second, "deployment"), attr(second, "attempt"), attr(second, "outcome")))
                .containsExactly("good", "2", "ok");
        assertThat(parentOf(toBad)).isEqualTo(first.getSpanId());
        assertThat(parentOf(toGood)).isEqualTo(second.getSpanId());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(output.getOut())
                .contains("\"trace_id\":\"" + TRACE + "\""));
    }

    @Test
    void withoutATraceparentTheGatewayStartsTheTrace(CapturedOutput output) {
        chat("chat", null).expectStatus().isOk();
        String toGood = GOOD.received().get(0).headers().get("traceparent");
        assertThat(toGood).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        String trace = toGood.substring(3, 35);
        assertThat(trace).isNotEqualTo(TRACE);
        assertThat(named(awaitSpans(trace, 4), AttemptTracingObserver.ATTEMPT)).singleElement()
                .satisfies(s -> assertThat(attr(s, "outcome")).isEqualTo("ok"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(output.getOut())
                .contains("\"trace_id\":\"" + trace + "\""));
    }

    @Test
    void aStreamTheClientAbandonsEndsItsAttemptSpanAsCancelled() {
        String trace = "0af7651916cd43dd8448eb211c80319c";
        client.post().uri("/v1/chat/completions").header("Authorization", "Bearer sk-test-123456")
                .header("traceparent", "00-" + trace + "-b7ad6b7169203331-01")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"drip\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody().take(2).blockLast(Duration.ofSeconds(10));
        assertThat(named(awaitSpans(trace, 1, AttemptTracingObserver.ATTEMPT), AttemptTracingObserver.ATTEMPT)).singleElement()
                .satisfies(s -> assertThat(attr(s, "outcome")).isEqualTo("cancelled"))
                .satisfies(s -> assertThat(s.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR));
    }

    private WebTestClient.ResponseSpec chat(String model, String traceparent) {
        WebTestClient.RequestBodySpec req = client.post().uri("/v1/chat/completions").header("Authorization", "Bearer sk-test-123456")
                .contentType(MediaType.APPLICATION_JSON);
        if (traceparent != null) {
            req = req.header("traceparent", traceparent);
        }
        return req.bodyValue("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").exchange();
    }

    /** The spans of a trace once at least {@code n} are exported, oldest first. */
    private List<SpanData> awaitSpans(String traceId, int n) {
        return awaitSpans(traceId, n, null);
    }

    private List<SpanData> awaitSpans(String traceId, int n, String name) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> spans.getFinishedSpanItems().stream()
                        .filter(s -> s.getTraceId().equals(traceId))
                        .filter(s -> name == null || s.getName().equals(name))
                        .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos)).toList(),
                l -> l.size() >= n);
    }

    private static List<SpanData> named(List<SpanData> trace, String name) {
        return trace.stream().filter(s -> s.getName().equals(name)).toList();
    }

    private static String attr(SpanData s, String key) {
        return s.getAttributes().get(AttributeKey.stringKey(key));
    }

    private static String parentOf(String traceparent) {
        return traceparent.split("-")[2];
    }
}
