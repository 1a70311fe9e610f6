package io.llmgateway.gateway.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.CompletionUsage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recorded traffic of other providers, replayed end to end with the official OpenAI SDK as the
 * client: Anthropic streams and messages (tool input deltas, tools without arguments, thinking,
 * refusals) behind {@code api: anthropic}; DeepSeek, Qwen, Mistral, Groq tool-call streams behind
 * {@code api: openai}; TGI snapshots behind {@code api: openai} (Messages API) and {@code api: tgi}
 * (native); Ollama's documented answers behind {@code api: ollama}. The SDK must rebuild the same
 * text, tool calls and usage the upstream sent.
 */
class RecordedProviderTrafficSdkTest extends GatewayReplaySupport {

    static final JsonMapper JSON = JsonMapper.builder().build();

    OpenAIClient client;

    @BeforeEach
    void client() {
        client = sdk();
    }

    // ---- what the SDK rebuilt ----

    record Answer(String text, List<String[]> calls, String finish, CompletionUsage usage) {
    }

    static Answer of(ChatCompletion c) {
        ChatCompletion.Choice choice = c.choices().get(0);
        List<String[]> calls = new ArrayList<>();
        for (ChatCompletionMessageToolCall t : choice.message().toolCalls().orElse(List.of())) {
            ChatCompletionMessageFunctionToolCall f = t.asFunction();
            calls.add(new String[] {f.id(), f.function().name(), f.function().arguments()});
        }
        return new Answer(choice.message().content().orElse(""), calls, choice.finishReason().asString(), c.usage().orElse(null));
    }

    Answer streamed(String alias) {
        ChatCompletionAccumulator acc = ChatCompletionAccumulator.create();
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model(alias).addUserMessage("x")
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();
        try (StreamResponse<ChatCompletionChunk> s = client.chat().completions().createStreaming(params)) {
            s.stream().forEach(acc::accumulate);
        }
        return of(acc.chatCompletion());
    }

    Answer whole(String alias) {
        return of(client.chat().completions().create(ChatCompletionCreateParams.builder().model(alias).addUserMessage("x").build()));
    }

    static void sameArguments(String actual, String expected) {
        assertThat(JSON.readTree(actual)).isEqualTo(JSON.readTree(expected.isEmpty() ? "{}" : expected));
    }

    // ---- Anthropic ----

    @TestFactory
    Stream<DynamicTest> anthropic() {
        Path dir = SharedFixtures.dir("anthropic/vercel-ai");
        Stream<DynamicTest> streams = SharedFixtures.files(dir, ".chunks.txt").stream()
                .map(f -> DynamicTest.dynamicTest("stream " + f.getFileName(), () -> anthropicStream(f)));
        Stream<DynamicTest> answers = SharedFixtures.files(dir, ".json").stream()
                .map(f -> DynamicTest.dynamicTest("answer " + f.getFileName(), () -> anthropicAnswer(f)));
        return Stream.concat(streams, answers);
    }

    private void anthropicStream(Path f) {
        List<String> events = SharedFixtures.read(f).lines().filter(l -> !l.isBlank()).toList();
        StringBuilder sse = new StringBuilder();
        StringBuilder text = new StringBuilder();
        List<String[]> tools = new ArrayList<>();
        long output = 0;
        long input = 0;
        for (String e : events) {
            JsonNode n = JSON.readTree(e);
            String type = n.path("type").asString();
            sse.append("event: ").append(type).append("\ndata: ").append(e).append("\n\n");
            JsonNode usage = type.equals("message_start") ? n.path("message").path("usage") : n.path("usage");
            output = usage.path("output_tokens").asLong(output);
            input = usage.path("input_tokens").asLong(input);
            if (type.equals("content_block_start") && n.path("content_block").path("type").asString().equals("tool_use")) {
                tools.add(new String[] {n.path("content_block").path("id").asString(), n.path("content_block").path("name").asString(), ""});
            }
            text.append(n.path("delta").path("text").asString(""));
            if (!n.path("delta").path("partial_json").asString("").isEmpty()) {
                tools.get(tools.size() - 1)[2] += n.path("delta").path("partial_json").asString();
            }
        }
        ANTHROPIC.answer(200, "text/event-stream", sse.toString());
        Answer a = streamed("claude");
        assertThat(a.text()).isEqualTo(text.toString());
        assertThat(a.calls()).hasSize(tools.size());
        for (int i = 0; i < tools.size(); i++) {
            assertThat(a.calls().get(i)[0]).isEqualTo(tools.get(i)[0]);
            assertThat(a.calls().get(i)[1]).isEqualTo(tools.get(i)[1]);
            sameArguments(a.calls().get(i)[2], tools.get(i)[2]);
        }
        assertThat(a.finish()).isEqualTo(tools.isEmpty() ? (f.toString().contains("refusal") ? "content_filter" : "stop") : "tool_calls");
        assertThat(a.usage().completionTokens()).isEqualTo(output);
        assertThat(a.usage().promptTokens()).isGreaterThanOrEqualTo(input);
    }

    private void anthropicAnswer(Path f) {
        JsonNode msg = JSON.readTree(SharedFixtures.read(f));
        ANTHROPIC.answer(200, "application/json", msg.toString());
        Answer a = whole("claude");
        StringBuilder text = new StringBuilder();
        List<JsonNode> uses = new ArrayList<>();
        for (JsonNode b : msg.path("content")) {
            text.append(b.path("type").asString().equals("text") ? b.path("text").asString() : "");
            if (b.path("type").asString().equals("tool_use")) {
                uses.add(b);
            }
        }
        assertThat(a.text()).isEqualTo(text.toString());
        assertThat(a.calls()).hasSize(uses.size());
        for (int i = 0; i < uses.size(); i++) {
            assertThat(a.calls().get(i)[0]).isEqualTo(uses.get(i).path("id").asString());
            assertThat(JSON.readTree(a.calls().get(i)[2])).isEqualTo(uses.get(i).path("input"));
        }
        assertThat(a.usage().completionTokens()).isEqualTo(msg.path("usage").path("output_tokens").asLong());
    }

    // ---- OpenAI-compatible clouds and TGI's Messages API ----

    @TestFactory
    Stream<DynamicTest> openAiCompatible() {
        Path dir = SharedFixtures.dir("openai-compatible/vercel-ai");
        Stream<DynamicTest> chunks = SharedFixtures.files(dir, ".chunks.txt").stream()
                .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(),
                        () -> compatStream(SharedFixtures.read(f).lines().filter(l -> !l.isBlank()).toList())));
        Path tgi = SharedFixtures.dir("tgi");
        Stream<DynamicTest> tgiStreams = SharedFixtures.files(tgi, ".json").stream()
                .filter(f -> JSON.readTree(SharedFixtures.read(f)).isArray())
                .filter(f -> !f.getFileName().toString().contains("completion")) // legacy completions: not a chat stream
                .filter(f -> SharedFixtures.read(f).contains("\"finish_reason\": \"")) // one snapshot was cut before its end
                .map(f -> DynamicTest.dynamicTest("tgi messages api " + f.getFileName(), () -> {
                    List<String> payloads = new ArrayList<>();
                    JSON.readTree(SharedFixtures.read(f)).forEach(n -> payloads.add(n.toString()));
                    compatStream(payloads);
                }));
        return Stream.concat(chunks, tgiStreams);
    }

    private void compatStream(List<String> payloads) {
        StringBuilder sse = new StringBuilder();
        StringBuilder text = new StringBuilder();
        StringBuilder args = new StringBuilder();
        List<String> names = new ArrayList<>();
        JsonNode usage = null;
        boolean finished = false;
        for (String p : payloads) {
            sse.append("data: ").append(p).append("\n\n");
            JsonNode n = JSON.readTree(p);
            usage = n.path("usage").isObject() ? n.path("usage") : usage;
            for (JsonNode c : n.path("choices")) {
                text.append(c.path("delta").path("content").asString(""));
                finished |= c.path("finish_reason").isString();
                for (JsonNode t : c.path("delta").path("tool_calls")) {
                    if (!t.path("function").path("name").asString("").isEmpty()) {
                        names.add(t.path("function").path("name").asString());
                    }
                    args.append(t.path("function").path("arguments").asString(""));
                }
            }
        }
        OPENAI.answer(200, "text/event-stream", sse.append("data: [DONE]\n\n").toString());
        Answer a = streamed("compat");
        assertThat(a.text()).isEqualTo(text.toString());
        assertThat(a.calls()).extracting(c -> c[1]).containsExactlyElementsOf(names);
        assertThat(String.join("", a.calls().stream().map(c -> c[2]).toList())).isEqualTo(args.toString());
        a.calls().forEach(c -> assertThat(c[0]).as("tool call id").isNotEmpty());
        if (finished) {
            assertThat(a.finish()).isEqualTo(names.isEmpty() ? a.finish() : "tool_calls");
        }
        if (usage != null) {
            assertThat(a.usage().promptTokens()).isEqualTo(usage.path("prompt_tokens").asLong());
            assertThat(a.usage().completionTokens()).isEqualTo(usage.path("completion_tokens").asLong());
        }
    }

    // ---- TGI native and Ollama native ----

    @TestFactory
    Stream<DynamicTest> nativeServers() {
        Path tgi = SharedFixtures.dir("tgi");
        Stream<DynamicTest> generate = SharedFixtures.files(tgi, ".json").stream()
                .filter(f -> JSON.readTree(SharedFixtures.read(f)).has("generated_text"))
                .map(f -> DynamicTest.dynamicTest("tgi /generate " + f.getFileName(), () -> {
                    JsonNode snap = JSON.readTree(SharedFixtures.read(f));
                    TGI.answer(200, "application/json", snap.toString());
                    Answer a = whole("tgi");
                    assertThat(a.text()).isEqualTo(snap.path("generated_text").asString());
                    assertThat(a.usage().completionTokens()).isEqualTo(snap.path("details").path("generated_tokens").asLong());
                    assertThat(TGI.last().uri()).isEqualTo("/generate");
                }));
        Path ollama = SharedFixtures.dir("ollama");
        List<DynamicTest> docs = new ArrayList<>();
        java.util.Map<String, List<JsonNode>> sections = new java.util.LinkedHashMap<>();
        for (JsonNode entry : JSON.readTree(SharedFixtures.read(ollama.resolve("api_chat_examples_from_docs.json")))) {
            try {
                JsonNode answer = JSON.readTree(entry.path("body").asString());
                if ("json".equals(entry.path("lang").asString()) && answer.has("model") && answer.has("done")) {
                    sections.computeIfAbsent(entry.path("section").asString(), k -> new ArrayList<>()).add(answer);
                }
            } catch (RuntimeException notJson) {
                // json5 placeholders in the docs
            }
        }
        sections.forEach((section, answers) -> docs.add(DynamicTest.dynamicTest("ollama /api/chat " + section, () -> ollama(answers))));
        return Stream.concat(generate, docs.stream());
    }

    private void ollama(List<JsonNode> lines) {
        JsonNode done = lines.get(lines.size() - 1);
        StringBuilder text = new StringBuilder();
        StringBuilder ndjson = new StringBuilder();
        int calls = 0;
        for (JsonNode l : lines) {
            text.append(l.path("message").path("content").asString(""));
            calls += l.path("message").path("tool_calls").size();
            ndjson.append(l).append('\n');
        }
        Answer a;
        if (lines.size() == 1) {
            OLLAMA.answer(200, "application/json", done.toString());
            a = whole("llama3.2");
        } else {
            OLLAMA.answer(200, "application/x-ndjson", ndjson.toString());
            a = streamed("llama3.2");
        }
        assertThat(a.text()).isEqualTo(text.toString());
        assertThat(a.calls()).hasSize(calls);
        assertThat(a.finish()).isEqualTo(calls > 0 ? "tool_calls" : "stop");
        assertThat(a.usage().promptTokens()).isEqualTo(done.path("prompt_eval_count").asLong(0));
        assertThat(a.usage().completionTokens()).isEqualTo(done.path("eval_count").asLong(0));
    }
}
