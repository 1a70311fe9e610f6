package io.llmgateway.adapter.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.adapter.openai.OpenAiAdapter;
import io.llmgateway.adapter.schema.AdapterResponse;
import io.llmgateway.adapter.schema.OpenAiChunk;
import io.llmgateway.adapter.schema.Operation;
import io.llmgateway.adapter.schema.Usage;
import io.llmgateway.adapter.schema.WireJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Replays recorded OpenAI-compatible traffic (OpenAI, Azure, DeepSeek, Qwen/DashScope, Mistral, Groq,
 * xAI; Vercel AI SDK fixtures) through the client and the OpenAI adapter: every stream must come out
 * as an OpenAI client expects it (tool calls announced once and reassembled, one usage event last),
 * with the text and the usage the upstream sent; every answer with typed tool calls and its usage.
 */
class OpenAiCompatibleReplayTest {

    static final OpenAiAdapter ADAPTER = new OpenAiAdapter();

    @TestFactory
    Stream<DynamicTest> streams() {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("openai-compatible/vercel-ai", "openai/vercel-ai")) {
            Path d = SharedData.fixtures(dir);
            files.addAll(SharedData.files(d, ".chunks.txt"));
            files.addAll(SharedData.files(d, ".sse"));
        }
        return files.stream().filter(OpenAiCompatibleReplayTest::isChatStream)
                .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> stream(f)));
    }

    @TestFactory
    Stream<DynamicTest> answers() {
        List<Path> files = new ArrayList<>(SharedData.files(SharedData.fixtures("openai-compatible/vercel-ai"), ".json"));
        files.addAll(SharedData.files(SharedData.fixtures("openai/vercel-ai"), ".json"));
        return files.stream().filter(f -> WireJson.MAPPER.readTree(SharedData.read(f)).has("choices")
                        || WireJson.MAPPER.readTree(SharedData.read(f)).has("data"))
                .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> answer(f)));
    }

    private static boolean isChatStream(Path f) {
        return payloads(f).stream().findFirst().map(p -> WireJson.MAPPER.readTree(p).has("choices")).orElse(false);
    }

    /** The data payloads of a recording: one per line ({@code .chunks.txt}) or SSE ({@code .sse}). */
    static List<String> payloads(Path f) {
        String text = SharedData.read(f);
        if (f.toString().endsWith(".sse")) {
            return OpenAiCassetteReplayTest.recordedEvents(text);
        }
        return text.lines().filter(l -> !l.isBlank()).toList();
    }

    private static void stream(Path f) {
        List<String> recorded = payloads(f);
        boolean completion = "text_completion".equals(WireJson.MAPPER.readTree(recorded.get(0)).path("object").asString(""));
        Operation op = completion ? Operation.COMPLETIONS : Operation.CHAT;
        String client = completion
                ? "{\"model\":\"m\",\"prompt\":\"x\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}"
                : "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"stream\":true,\"stream_options\":{\"include_usage\":true}}";
        Usage recordedUsage = null;
        StringBuilder text = new StringBuilder();
        int toolStarts = 0;
        for (String p : recorded) {
            JsonNode n = WireJson.MAPPER.readTree(p);
            Usage u = Usage.fromOpenAi(n.get("usage"));
            recordedUsage = u != null ? u : recordedUsage;
            for (JsonNode c : n.path("choices")) {
                text.append(c.path("delta").path("content").asString("")).append(c.path("text").asString(""));
                for (JsonNode t : c.path("delta").path("tool_calls")) {
                    toolStarts += t.path("function").path("name").asString("").isEmpty() ? 0 : 1;
                }
            }
        }
        try (RecordedUpstream up = new RecordedUpstream(200, "text/event-stream", Replay.sse(recorded, false, true))) {
            List<OpenAiChunk> chunks = Replay.stream(ADAPTER, Replay.request(op, client), Replay.target(up.url("/v1"), "m", Map.of()));
            ChatAccumulator acc = ChatAccumulator.of(chunks).assertComplete(recordedUsage != null);
            assertThat(acc.content.toString()).as("text").isEqualTo(text.toString());
            assertThat(acc.calls).as("tool calls").hasSize(toolStarts);
            if (recordedUsage != null) {
                assertThat(acc.usage).as("usage").isEqualTo(recordedUsage);
            }
            Path paired = Path.of(f.toString().replace(".chunks.txt", ".json"));
            if (f.toString().endsWith(".chunks.txt") && Files.exists(paired) && toolStarts > 0) {
                JsonNode calls = WireJson.MAPPER.readTree(SharedData.read(paired)).path("choices").get(0).path("message").path("tool_calls");
                for (int i = 0; i < calls.size(); i++) {
                    assertThat(acc.calls.get(acc.calls.keySet().stream().sorted().toList().get(i)).name.toString())
                            .isEqualTo(calls.get(i).path("function").path("name").asString());
                }
            }
        }
    }

    private static void answer(Path f) {
        String body = SharedData.read(f);
        JsonNode recorded = WireJson.MAPPER.readTree(body);
        boolean embeddings = recorded.has("data");
        boolean completion = "text_completion".equals(recorded.path("object").asString(""));
        Operation op = embeddings ? Operation.EMBEDDINGS : completion ? Operation.COMPLETIONS : Operation.CHAT;
        String client = embeddings ? "{\"model\":\"m\",\"input\":\"x\"}"
                : completion ? "{\"model\":\"m\",\"prompt\":\"x\"}" : "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";
        try (RecordedUpstream up = new RecordedUpstream(200, "application/json", body)) {
            AdapterResponse r = Replay.call(ADAPTER, Replay.request(op, client), Replay.target(up.url("/v1"), "m", Map.of()));
            JsonNode out = WireJson.MAPPER.readTree(r.json());
            assertThat(r.usage()).isEqualTo(Usage.fromOpenAi(recorded.get("usage")));
            for (JsonNode c : out.path("choices")) {
                assertThat(c.path("finish_reason").asString()).isIn(ChatAccumulator.FINISH);
                for (JsonNode t : c.path("message").path("tool_calls")) {
                    assertThat(t.path("type").asString("")).isEqualTo("function");
                    assertThat(t.path("id").asString("")).isNotEmpty();
                    assertThat(WireJson.MAPPER.readTree(t.path("function").path("arguments").asString()).isObject()).isTrue();
                }
                assertThat(c.path("message").path("content").asString(""))
                        .isEqualTo(recorded.path("choices").get(0).path("message").path("content").asString(""));
            }
        }
    }
}
