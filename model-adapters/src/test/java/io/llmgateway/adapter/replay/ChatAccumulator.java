package io.llmgateway.adapter.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.adapter.schema.OpenAiChunk;
import io.llmgateway.adapter.schema.Usage;
import io.llmgateway.adapter.schema.WireJson;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Rebuilds the answer from the OpenAI chunks the gateway sends, the way the strictest SDK does
 * (every string field of a delta appended to what came before), and checks the stream is one an
 * OpenAI client reads correctly: ids and model on every event, the role once, each tool call
 * announced once with index, id, type and name and then only argument text, a standard finish
 * reason, and exactly one usage-only event, last.
 */
final class ChatAccumulator {

    static final Set<String> FINISH = Set.of("stop", "length", "tool_calls", "content_filter", "function_call");

    final StringBuilder content = new StringBuilder();
    final StringBuilder reasoning = new StringBuilder();
    final Map<Integer, Call> calls = new TreeMap<>();
    String finishReason;
    Usage usage;
    int roles;
    int usageChunks;
    int events;
    boolean usageLast;

    static final class Call {
        final StringBuilder id = new StringBuilder();
        final StringBuilder name = new StringBuilder();
        final StringBuilder arguments = new StringBuilder();
    }

    static ChatAccumulator of(List<OpenAiChunk> chunks) {
        ChatAccumulator acc = new ChatAccumulator();
        chunks.forEach(acc::add);
        return acc;
    }

    void add(OpenAiChunk chunk) {
        JsonNode n = WireJson.MAPPER.readTree(chunk.json());
        events++;
        usageLast = false;
        assertThat(n.path("id").asString("")).as("id of %s", chunk.json()).isNotEmpty();
        assertThat(n.path("model").asString("")).as("model").isNotEmpty();
        assertThat(n.path("object").asString("")).as("object").isIn("chat.completion.chunk", "text_completion");
        assertThat(n.path("created").isIntegralNumber()).as("created").isTrue();
        if (chunk.kind() == OpenAiChunk.Kind.USAGE_ONLY) {
            assertThat(n.path("choices").isEmpty()).as("usage-only chunk has no choices").isTrue();
            usage = Usage.fromOpenAi(n.get("usage"));
            assertThat(usage).as("usage").isNotNull();
            usageChunks++;
            usageLast = true;
            return;
        }
        // openai-java's accumulator ends the answer at the first event with usage, ignoring its choices
        assertThat(n.path("usage").isObject()).as("usage only on the usage-only event: %s", chunk.json()).isFalse();
        for (JsonNode choice : n.path("choices")) {
            JsonNode delta = choice.path("delta");
            if (delta.path("role").isString()) {
                roles++;
            }
            content.append(delta.path("content").asString(""));
            content.append(choice.path("text").asString(""));
            reasoning.append(delta.path("reasoning_content").asString(""));
            for (JsonNode t : delta.path("tool_calls")) {
                assertThat(t.path("index").isIntegralNumber()).as("tool call index in %s", chunk.json()).isTrue();
                Call call = calls.get(t.path("index").asInt());
                if (call == null) {
                    call = new Call();
                    calls.put(t.path("index").asInt(), call);
                    assertThat(t.path("id").asString("")).as("first delta of a tool call has its id").isNotEmpty();
                    assertThat(t.path("type").asString("")).as("first delta of a tool call has its type").isEqualTo("function");
                    assertThat(t.path("function").path("name").asString("")).as("first delta has the name").isNotEmpty();
                }
                call.id.append(t.path("id").asString(""));
                call.name.append(t.path("function").path("name").asString(""));
                call.arguments.append(t.path("function").path("arguments").asString(""));
            }
            JsonNode fr = choice.get("finish_reason");
            if (fr != null && !fr.isNull()) {
                assertThat(fr.asString()).as("finish reason").isIn(FINISH);
                finishReason = fr.asString();
            }
        }
    }

    /** The stream was a complete answer as OpenAI would have sent it. */
    ChatAccumulator assertComplete() {
        return assertComplete(true);
    }

    /** As {@link #assertComplete()}; {@code withUsage} false for upstreams that report no usage at all. */
    ChatAccumulator assertComplete(boolean withUsage) {
        assertThat(roles).as("role deltas").isLessThanOrEqualTo(1);
        assertThat(finishReason).as("finish reason").isNotNull();
        assertThat(usageChunks).as("usage-only chunks").isEqualTo(withUsage ? 1 : 0);
        assertThat(usageLast).as("usage-only chunk is last").isEqualTo(withUsage);
        for (Call c : calls.values()) {
            JsonNode args = WireJson.MAPPER.readTree(c.arguments.isEmpty() ? "{}" : c.arguments.toString());
            assertThat(args.isObject()).as("arguments of %s are a JSON object", c.name).isTrue();
        }
        return this;
    }

    JsonNode arguments(int index) {
        return WireJson.MAPPER.readTree(calls.get(index).arguments.toString());
    }
}
