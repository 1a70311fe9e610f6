package io.llmgateway.adapter.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.adapter.anthropic.AnthropicAdapter;
import io.llmgateway.adapter.schema.AdapterResponse;
import io.llmgateway.adapter.schema.OpenAiChunk;
import io.llmgateway.adapter.schema.Operation;
import io.llmgateway.adapter.schema.WireJson;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Replays recorded Anthropic Messages traffic (text, tool input deltas, tools without arguments,
 * thinking, refusals, fallbacks, duplicated message_start; Vercel AI SDK fixtures) through the client
 * and the Anthropic adapter, and checks the OpenAI answer against what the recording says: the same
 * text and thinking, the same tool calls with the same arguments, the mapped finish reason, and
 * usage with cache tokens.
 */
class AnthropicReplayTest {

    static final AnthropicAdapter ADAPTER = new AnthropicAdapter();
    static final String CHAT = "{\"model\":\"claude\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";
    static final String STREAM = "{\"model\":\"claude\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";

    @TestFactory
    Stream<DynamicTest> streams() {
        Path dir = SharedData.fixtures("anthropic/vercel-ai");
        return SharedData.files(dir, ".chunks.txt").stream()
                .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> stream(f)));
    }

    @TestFactory
    Stream<DynamicTest> answers() {
        Path dir = SharedData.fixtures("anthropic/vercel-ai");
        return SharedData.files(dir, ".json").stream()
                .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> answer(f)));
    }

    private static void stream(Path f) {
        List<String> events = SharedData.read(f).lines().filter(l -> !l.isBlank()).toList();
        StringBuilder text = new StringBuilder();
        StringBuilder thinking = new StringBuilder();
        Map<Integer, String[]> tools = new TreeMap<>(); // block index -> id, name, arguments
        String stop = null;
        long input = 0;
        long cacheRead = 0;
        long cacheWrite = 0;
        long output = 0;
        for (String e : events) {
            JsonNode n = WireJson.MAPPER.readTree(e);
            JsonNode usage = n.path("type").asString().equals("message_start") ? n.path("message").path("usage") : n.path("usage");
            input = usage.path("input_tokens").asLong(input);
            cacheRead = usage.path("cache_read_input_tokens").asLong(cacheRead);
            cacheWrite = usage.path("cache_creation_input_tokens").asLong(cacheWrite);
            output = usage.path("output_tokens").asLong(output);
            switch (n.path("type").asString()) {
                case "content_block_start" -> {
                    if (n.path("content_block").path("type").asString().equals("tool_use")) {
                        tools.put(n.path("index").asInt(), new String[] {n.path("content_block").path("id").asString(),
                                n.path("content_block").path("name").asString(), ""});
                    }
                }
                case "content_block_delta" -> {
                    JsonNode d = n.path("delta");
                    text.append(d.path("text").asString(""));
                    thinking.append(d.path("thinking").asString(""));
                    if (tools.containsKey(n.path("index").asInt())) {
                        tools.get(n.path("index").asInt())[2] += d.path("partial_json").asString("");
                    }
                }
                case "message_delta" -> stop = n.path("delta").path("stop_reason").asString();
                default -> {
                }
            }
        }
        try (RecordedUpstream up = new RecordedUpstream(200, "text/event-stream", Replay.sse(events, true, false))) {
            List<OpenAiChunk> chunks = Replay.stream(ADAPTER, Replay.request(Operation.CHAT, STREAM),
                    Replay.target(up.url("/v1"), "claude", Map.of()));
            ChatAccumulator acc = ChatAccumulator.of(chunks).assertComplete();
            assertThat(acc.roles).isEqualTo(1);
            assertThat(acc.content.toString()).isEqualTo(text.toString());
            assertThat(acc.reasoning.toString()).isEqualTo(thinking.toString());
            assertThat(acc.finishReason).isEqualTo(finish(stop));
            assertThat(acc.calls).hasSize(tools.size());
            int i = 0;
            for (String[] t : tools.values()) {
                ChatAccumulator.Call call = acc.calls.get(i++);
                assertThat(call.id.toString()).isEqualTo(t[0]);
                assertThat(call.name.toString()).isEqualTo(t[1]);
                assertThat(WireJson.MAPPER.readTree(call.arguments.toString()))
                        .isEqualTo(WireJson.MAPPER.readTree(t[2].isEmpty() ? "{}" : t[2]));
            }
            assertThat(acc.usage.promptTokens()).isEqualTo(input + cacheRead + cacheWrite);
            assertThat(acc.usage.cachedPromptTokens()).isEqualTo(cacheRead);
            assertThat(acc.usage.completionTokens()).isEqualTo(output);
        }
    }

    private static void answer(Path f) {
        String body = SharedData.read(f);
        JsonNode msg = WireJson.MAPPER.readTree(body);
        try (RecordedUpstream up = new RecordedUpstream(200, "application/json", body)) {
            AdapterResponse r = Replay.call(ADAPTER, Replay.request(Operation.CHAT, CHAT), Replay.target(up.url("/v1"), "claude", Map.of()));
            JsonNode out = WireJson.MAPPER.readTree(r.json());
            JsonNode m = out.path("choices").get(0).path("message");
            StringBuilder text = new StringBuilder();
            int calls = 0;
            for (JsonNode b : msg.path("content")) {
                text.append(b.path("type").asString().equals("text") ? b.path("text").asString() : "");
                if (b.path("type").asString().equals("tool_use")) {
                    JsonNode call = m.path("tool_calls").get(calls++);
                    assertThat(call.path("id").asString()).isEqualTo(b.path("id").asString());
                    assertThat(WireJson.MAPPER.readTree(call.path("function").path("arguments").asString())).isEqualTo(b.path("input"));
                }
            }
            assertThat(m.path("content").asString("")).isEqualTo(text.toString());
            assertThat(m.path("tool_calls").size()).isEqualTo(calls);
            assertThat(out.path("id").asString()).isEqualTo(msg.path("id").asString());
            assertThat(out.path("choices").get(0).path("finish_reason").asString()).isEqualTo(finish(msg.path("stop_reason").asString()));
            JsonNode u = msg.path("usage");
            assertThat(r.usage().promptTokens()).isEqualTo(u.path("input_tokens").asLong()
                    + u.path("cache_read_input_tokens").asLong(0) + u.path("cache_creation_input_tokens").asLong(0));
            assertThat(r.usage().completionTokens()).isEqualTo(u.path("output_tokens").asLong());
        }
    }

    /** The mapping the issue asks for, spelled out independently of the adapter's table. */
    static String finish(String stopReason) {
        return switch (stopReason) {
            case "end_turn", "stop_sequence", "pause_turn" -> "stop";
            case "max_tokens" -> "length";
            case "tool_use" -> "tool_calls";
            case "refusal" -> "content_filter";
            default -> throw new IllegalArgumentException(stopReason);
        };
    }
}
