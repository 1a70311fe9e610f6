package io.llmgateway.adapter.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.adapter.WireAdapter;
import io.llmgateway.adapter.azure.AzureOpenAiAdapter;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.error.UpstreamStatus;
import io.llmgateway.adapter.openai.OpenAiAdapter;
import io.llmgateway.adapter.schema.AdapterResponse;
import io.llmgateway.adapter.schema.OpenAiChunk;
import io.llmgateway.adapter.schema.OpenAiRequest;
import io.llmgateway.adapter.schema.Operation;
import io.llmgateway.adapter.schema.Usage;
import io.llmgateway.adapter.schema.WireJson;
import io.llmgateway.adapter.sse.SseDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replays every recorded api.openai.com / Azure exchange (Envoy AI Gateway's go-vcr cassettes) through
 * the client and the OpenAI or Azure adapter against an in-process upstream serving the recorded
 * answer: the request must reach the upstream as recorded (plus the forced usage request), answers
 * and stream events must come back unchanged, and errors with the status the table gives them.
 */
class OpenAiCassetteReplayTest {

    @TestFactory
    Stream<DynamicTest> cassettes() {
        Path dir = SharedData.fixtures("openai/envoy-ai-gateway-cassettes");
        return SharedData.files(dir, ".yaml").stream().map(Cassette::read)
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> replay(c)));
    }

    static Operation operation(Cassette c) {
        return switch (c.operationPath()) {
            case "chat/completions" -> Operation.CHAT;
            case "completions" -> Operation.COMPLETIONS;
            case "embeddings" -> Operation.EMBEDDINGS;
            default -> throw new IllegalStateException(c.url());
        };
    }

    private static void replay(Cassette c) {
        Operation op = operation(c);
        OpenAiRequest request;
        try {
            request = Replay.request(op, c.requestBody());
        } catch (GatewayException e) {
            // the gateway refuses it before any upstream sees it, with the status OpenAI gave it
            assertThat(e.status()).as("gateway rejects what OpenAI rejected").isEqualTo(c.status());
            return;
        }
        String type = c.header("Content-Type") == null ? "application/json" : c.header("Content-Type");
        try (RecordedUpstream up = new RecordedUpstream(c.status(), type, c.responseBody())) {
            boolean azure = c.url().contains("/openai/deployments/");
            WireAdapter adapter = azure ? new AzureOpenAiAdapter() : new OpenAiAdapter();
            String model = request.body().path("model").asString();
            var target = azure
                    ? Replay.target(up.url("/openai/deployments/" + model), model, Map.of("api-version", c.form().get("api-version").get(0)))
                    : Replay.target(up.url("/v1"), model, Map.of());
            if (c.status() >= 400) {
                StepVerifier.create(request.stream() ? Replay.CLIENT.stream(adapter, request, target,
                                adapter.streamTranslator(request, target)).then() : Replay.CLIENT.call(adapter, request, target).then())
                        .expectErrorSatisfies(t -> {
                            GatewayException e = (GatewayException) t;
                            assertThat(e.kind()).isEqualTo(UpstreamStatus.kindFor(c.status()));
                            String said = WireJson.MAPPER.readTree(c.responseBody()).path("error").path("message").asString();
                            assertThat(e.getMessage()).contains(said.substring(0, Math.min(40, said.length())));
                        })
                        .verify();
            } else if (request.stream()) {
                List<OpenAiChunk> chunks = Replay.stream(adapter, request, target);
                assertThat(chunks).extracting(OpenAiChunk::json).containsExactlyElementsOf(recordedEvents(c.responseBody()));
                ChatAccumulator acc = ChatAccumulator.of(chunks);
                assertThat(acc.finishReason).isNotNull();
                if (request.includeUsage()) {
                    acc.assertComplete();
                }
            } else {
                AdapterResponse r = Replay.call(adapter, request, target);
                assertThat(new String(r.json(), StandardCharsets.UTF_8)).as("passed through unchanged").isEqualTo(c.responseBody());
                Usage u = Usage.fromOpenAi(WireJson.MAPPER.readTree(c.responseBody()).get("usage"));
                assertThat(r.usage()).isEqualTo(u);
            }
            assertSentAsRecorded(c, request, up.received.get(0), azure);
        }
    }

    private static void assertSentAsRecorded(Cassette c, OpenAiRequest request, RecordedUpstream.Received sent, boolean azure) {
        ObjectNode expected = (ObjectNode) WireJson.MAPPER.readTree(c.requestBody());
        if (request.stream()) {
            ObjectNode so = expected.get("stream_options") instanceof ObjectNode o ? o : expected.putObject("stream_options");
            so.put("include_usage", true);
        }
        assertThat(WireJson.MAPPER.readTree(sent.body())).as("request body").isEqualTo(expected);
        if (azure) {
            assertThat(sent.uri()).endsWith("/chat/completions?api-version=" + c.form().get("api-version").get(0));
            assertThat(sent.headers()).containsEntry("api-key", "sk-replay").doesNotContainKey("authorization");
        } else {
            assertThat(sent.uri()).isEqualTo("/v1/" + c.operationPath());
            assertThat(sent.headers()).containsEntry("authorization", "Bearer sk-replay");
        }
    }

    static List<String> recordedEvents(String sse) {
        List<String> out = new ArrayList<>();
        SseDecoder d = new SseDecoder(1 << 20);
        d.feed(sse.getBytes(StandardCharsets.UTF_8), e -> {
            if (!"[DONE]".equals(e.data())) {
                out.add(e.data());
            }
        });
        d.finish(e -> { });
        return out;
    }

    static JsonNode json(String s) {
        return WireJson.MAPPER.readTree(s);
    }
}
