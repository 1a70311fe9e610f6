package io.llmgateway.adapter.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.adapter.ollama.OllamaAdapter;
import io.llmgateway.adapter.schema.AdapterResponse;
import io.llmgateway.adapter.schema.OpenAiChunk;
import io.llmgateway.adapter.schema.Operation;
import io.llmgateway.adapter.schema.WireJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Replays the answers in Ollama's API documentation ({@code /api/chat}, {@code /api/generate} streamed
 * as NDJSON or whole, {@code /api/embed}) through the client and the Ollama adapter: the OpenAI answer
 * must carry the same text, thinking, tool calls and token counts.
 */
class OllamaReplayTest {

    static final OllamaAdapter ADAPTER = new OllamaAdapter();

    @TestFactory
    Stream<DynamicTest> documentedAnswers() {
        Path dir = SharedData.fixtures("ollama");
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : List.of("api_chat_examples_from_docs.json", "api_generate_examples_from_docs.json")) {
            Operation op = file.contains("chat") ? Operation.CHAT : Operation.COMPLETIONS;
            sections(dir.resolve(file)).forEach((section, answers) -> {
                if (answers.size() == 1 && answers.get(0).path("done").asBoolean()) {
                    tests.add(DynamicTest.dynamicTest(op.id() + ": " + section, () -> whole(op, answers.get(0))));
                } else if (answers.size() > 1 && answers.get(answers.size() - 1).path("done").asBoolean()) {
                    tests.add(DynamicTest.dynamicTest(op.id() + " stream: " + section, () -> streamed(op, answers)));
                }
            });
        }
        for (JsonNode embed : embedAnswers(dir.resolve("docs_api.md"))) {
            tests.add(DynamicTest.dynamicTest("embed: " + embed.path("embeddings").size() + " inputs", () -> embed(embed)));
        }
        return tests.stream();
    }

    /** Section title -> the documented answers in it (objects with a model), in order. */
    static Map<String, List<JsonNode>> sections(Path file) {
        Map<String, List<JsonNode>> out = new LinkedHashMap<>();
        for (JsonNode entry : WireJson.MAPPER.readTree(SharedData.read(file))) {
            if (!"json".equals(entry.path("lang").asString())) {
                continue;
            }
            try {
                JsonNode answer = WireJson.MAPPER.readTree(entry.path("body").asString());
                if (answer.has("model") && answer.has("done")) {
                    out.computeIfAbsent(entry.path("section").asString(), k -> new ArrayList<>()).add(answer);
                }
            } catch (JacksonException notJson) {
                // json5 examples with "..." placeholders
            }
        }
        return out;
    }

    static List<JsonNode> embedAnswers(Path apiMd) {
        String md = SharedData.read(apiMd);
        int from = md.indexOf("POST /api/embed\n");
        String section = md.substring(from, md.indexOf("\n## ", from));
        List<JsonNode> out = new ArrayList<>();
        Matcher m = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(section);
        while (m.find()) {
            out.add(WireJson.MAPPER.readTree(m.group(1)));
        }
        return out;
    }

    private static String client(Operation op, boolean stream) {
        String s = stream ? ",\"stream\":true" : "";
        return op == Operation.CHAT ? "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]" + s + "}"
                : "{\"model\":\"m\",\"prompt\":\"x\"" + s + "}";
    }

    private static String text(Operation op, JsonNode answer) {
        return op == Operation.CHAT ? answer.path("message").path("content").asString("") : answer.path("response").asString("");
    }

    private static void whole(Operation op, JsonNode answer) {
        try (RecordedUpstream up = new RecordedUpstream(200, "application/json; charset=utf-8", answer.toString())) {
            AdapterResponse r = Replay.call(ADAPTER, Replay.request(op, client(op, false)), Replay.target(up.url(""), "m", Map.of()));
            JsonNode out = WireJson.MAPPER.readTree(r.json());
            JsonNode choice = out.path("choices").get(0);
            JsonNode calls = answer.path("message").path("tool_calls");
            String content = op == Operation.CHAT ? choice.path("message").path("content").asString("") : choice.path("text").asString();
            assertThat(content).isEqualTo(text(op, answer));
            assertThat(choice.path("message").path("tool_calls").size()).isEqualTo(calls.size());
            for (int i = 0; i < calls.size(); i++) {
                JsonNode fn = choice.path("message").path("tool_calls").get(i).path("function");
                assertThat(fn.path("name").asString()).isEqualTo(calls.get(i).path("function").path("name").asString());
                assertThat(WireJson.MAPPER.readTree(fn.path("arguments").asString())).isEqualTo(calls.get(i).path("function").path("arguments"));
            }
            assertThat(choice.path("finish_reason").asString()).isEqualTo(!calls.isEmpty() ? "tool_calls"
                    : "length".equals(answer.path("done_reason").asString("")) ? "length" : "stop");
            assertThat(r.usage().promptTokens()).isEqualTo(answer.path("prompt_eval_count").asLong(0));
            assertThat(r.usage().completionTokens()).isEqualTo(answer.path("eval_count").asLong(0));
            assertThat(out.path("created").asLong()).isEqualTo(java.time.OffsetDateTime.parse(answer.path("created_at").asString()).toEpochSecond());
            assertThat(up.received.get(0).uri()).isEqualTo(op == Operation.CHAT ? "/api/chat" : "/api/generate");
        }
    }

    private static void streamed(Operation op, List<JsonNode> lines) {
        StringBuilder ndjson = new StringBuilder();
        StringBuilder text = new StringBuilder();
        int calls = 0;
        for (JsonNode l : lines) {
            ndjson.append(l.toString()).append('\n');
            text.append(text(op, l));
            calls += l.path("message").path("tool_calls").size();
        }
        JsonNode done = lines.get(lines.size() - 1);
        try (RecordedUpstream up = new RecordedUpstream(200, "application/x-ndjson", ndjson.toString())) {
            List<OpenAiChunk> chunks = Replay.stream(ADAPTER, Replay.request(op, client(op, true)), Replay.target(up.url(""), "m", Map.of()));
            ChatAccumulator acc = ChatAccumulator.of(chunks).assertComplete();
            assertThat(acc.content.toString()).isEqualTo(text.toString());
            assertThat(acc.calls).hasSize(calls);
            assertThat(acc.finishReason).isEqualTo(calls > 0 ? "tool_calls" : "stop");
            assertThat(acc.usage.promptTokens()).isEqualTo(done.path("prompt_eval_count").asLong());
            assertThat(acc.usage.completionTokens()).isEqualTo(done.path("eval_count").asLong());
            assertThat(WireJson.MAPPER.readTree(up.received.get(0).body()).path("stream").asBoolean()).isTrue();
        }
    }

    private static void embed(JsonNode answer) {
        try (RecordedUpstream up = new RecordedUpstream(200, "application/json", answer.toString())) {
            AdapterResponse r = Replay.call(ADAPTER, Replay.request(Operation.EMBEDDINGS, "{\"model\":\"m\",\"input\":[\"a\",\"b\"]}"),
                    Replay.target(up.url(""), "m", Map.of()));
            JsonNode out = WireJson.MAPPER.readTree(r.json());
            assertThat(out.path("object").asString()).isEqualTo("list");
            for (int i = 0; i < answer.path("embeddings").size(); i++) {
                assertThat(out.path("data").get(i).path("index").asInt()).isEqualTo(i);
                assertThat(out.path("data").get(i).path("embedding")).isEqualTo(answer.path("embeddings").get(i));
            }
            assertThat(r.usage().promptTokens()).isEqualTo(answer.path("prompt_eval_count").asLong(0));
            assertThat(up.received.get(0).uri()).isEqualTo("/api/embed");
        }
    }
}
