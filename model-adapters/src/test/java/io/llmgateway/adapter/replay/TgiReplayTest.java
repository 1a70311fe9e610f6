package io.llmgateway.adapter.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.adapter.openai.OpenAiAdapter;
import io.llmgateway.adapter.schema.AdapterResponse;
import io.llmgateway.adapter.schema.OpenAiChunk;
import io.llmgateway.adapter.schema.Operation;
import io.llmgateway.adapter.schema.Usage;
import io.llmgateway.adapter.schema.WireJson;
import io.llmgateway.adapter.tgi.TgiAdapter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Replays TGI's own integration-test snapshots: native {@code /generate} answers through the TGI
 * adapter, and Messages API answers and streams (empty ids, the role and tool-call id repeated on every
 * delta, {@code stop} after tool calls) through the OpenAI adapter, which must repair them into what an
 * OpenAI client expects.
 */
class TgiReplayTest {

    static final String CHAT = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";

    @TestFactory
    Stream<DynamicTest> snapshots() {
        Path dir = SharedData.fixtures("tgi");
        return SharedData.files(dir, ".json").stream().filter(f -> f.getFileName().toString().startsWith("test_"))
                .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> replay(WireJson.MAPPER.readTree(SharedData.read(f)))));
    }

    private static void replay(JsonNode snapshot) {
        if (snapshot.isArray()) {
            messagesStream(snapshot);
        } else if (snapshot.has("generated_text")) {
            nativeGenerate(snapshot);
        } else {
            messagesAnswer(snapshot);
        }
    }

    private static void nativeGenerate(JsonNode snapshot) {
        try (RecordedUpstream up = new RecordedUpstream(200, "application/json", snapshot.toString())) {
            AdapterResponse r = Replay.call(new TgiAdapter(), Replay.request(Operation.COMPLETIONS, "{\"model\":\"m\",\"prompt\":\"Test request\"}"),
                    Replay.target(up.url(""), "m", Map.of()));
            JsonNode choice = WireJson.MAPPER.readTree(r.json()).path("choices").get(0);
            assertThat(choice.path("text").asString()).isEqualTo(snapshot.path("generated_text").asString());
            String tgi = snapshot.path("details").path("finish_reason").asString();
            assertThat(choice.path("finish_reason").asString()).isEqualTo(tgi.equals("length") ? "length" : "stop");
            assertThat(r.usage().completionTokens()).isEqualTo(snapshot.path("details").path("generated_tokens").asLong());
            assertThat(up.received.get(0).uri()).isEqualTo("/generate");
        }
    }

    private static void messagesAnswer(JsonNode snapshot) {
        boolean completion = "text_completion".equals(snapshot.path("object").asString());
        String client = completion ? "{\"model\":\"m\",\"prompt\":\"x\"}" : CHAT;
        try (RecordedUpstream up = new RecordedUpstream(200, "application/json", snapshot.toString())) {
            AdapterResponse r = Replay.call(new OpenAiAdapter(), Replay.request(completion ? Operation.COMPLETIONS : Operation.CHAT, client),
                    Replay.target(up.url("/v1"), "m", Map.of()));
            JsonNode out = WireJson.MAPPER.readTree(r.json());
            assertThat(out.path("id").asString()).as("empty id replaced").isNotEmpty();
            JsonNode choice = out.path("choices").get(0);
            boolean calls = choice.path("message").path("tool_calls").size() > 0;
            assertThat(choice.path("finish_reason").asString()).isEqualTo(calls ? "tool_calls"
                    : snapshot.path("choices").get(0).path("finish_reason").asString());
            assertThat(r.usage()).isEqualTo(Usage.fromOpenAi(snapshot.get("usage")));
        }
    }

    private static void messagesStream(JsonNode chunks) {
        List<String> payloads = new ArrayList<>();
        chunks.forEach(c -> payloads.add(c.toString()));
        boolean completion = "text_completion".equals(chunks.get(0).path("object").asString());
        String client = completion ? "{\"model\":\"m\",\"prompt\":\"x\",\"stream\":true}"
                : "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";
        StringBuilder text = new StringBuilder();
        StringBuilder arguments = new StringBuilder();
        Usage usage = null;
        boolean finished = false;
        for (JsonNode c : chunks) {
            usage = Usage.fromOpenAi(c.get("usage")) != null ? Usage.fromOpenAi(c.get("usage")) : usage;
            for (JsonNode ch : c.path("choices")) {
                text.append(ch.path("delta").path("content").asString("")).append(ch.path("text").asString(""));
                finished |= ch.path("finish_reason").isString();
                ch.path("delta").path("tool_calls").forEach(t -> arguments.append(t.path("function").path("arguments").asString("")));
            }
        }
        try (RecordedUpstream up = new RecordedUpstream(200, "text/event-stream", Replay.sse(payloads, false, true))) {
            List<OpenAiChunk> out = Replay.stream(new OpenAiAdapter(), Replay.request(completion ? Operation.COMPLETIONS : Operation.CHAT, client),
                    Replay.target(up.url("/v1"), "m", Map.of()));
            ChatAccumulator acc = ChatAccumulator.of(out);
            if (finished) { // one snapshot was cut by the recording tool before the finish event
                acc.assertComplete(usage != null);
            }
            assertThat(acc.content.toString()).isEqualTo(text.toString());
            if (!arguments.isEmpty()) {
                assertThat(acc.calls).hasSize(1);
                assertThat(acc.calls.get(0).id.toString()).as("id announced once").isEqualTo("0");
                assertThat(acc.calls.get(0).arguments.toString()).isEqualTo(arguments.toString());
                assertThat(acc.finishReason).isEqualTo(finished ? "tool_calls" : null);
            }
        }
    }
}
