package io.llmgateway.sim;

import static io.llmgateway.sim.SimClient.JSON;
import static io.llmgateway.sim.TestNodes.CHAT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ToolCallsTest {
    static final String TOOLS = "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
            + "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"},"
            + "\"unit\":{\"type\":\"string\",\"enum\":[\"c\",\"f\"]},\"days\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":7}},"
            + "\"required\":[\"city\"]}}},{\"type\":\"function\",\"function\":{\"name\":\"search\",\"parameters\":{}}}]";

    static SimNode node;
    static SimClient client;

    @BeforeAll
    static void start() {
        node = SimNode.start(TestNodes.fastA10().build());
        client = new SimClient(node);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void mentionedToolIsCalledWithSchemaConformingArguments() {
        JsonNode body = client.post("/v1/chat/completions",
                SimClient.chatBody(CHAT, "Please call get_weather for Paris", TOOLS)).json();

        JsonNode choice = body.at("/choices/0");
        assertThat(choice.get("finish_reason").asString()).isEqualTo("tool_calls");
        assertThat(choice.at("/message/content").isNull()).isTrue();
        JsonNode call = choice.at("/message/tool_calls/0");
        assertThat(call.get("type").asString()).isEqualTo("function");
        assertThat(call.get("id").asString()).isNotBlank();
        assertThat(call.at("/function/name").asString()).isEqualTo("get_weather");
        JsonNode args = JSON.readTree(call.at("/function/arguments").asString());
        assertThat(args.get("city").isString()).isTrue();
        assertThat(args.get("unit").asString()).isIn("c", "f");
        assertThat(args.get("days").asInt()).isBetween(1, 7);
    }

    @Test
    void streamedToolCallDeltasLookLikeOpenAi() {
        List<String> events = client.stream("/v1/chat/completions", SimClient.chatBody(CHAT, "use get_weather",
                TOOLS + ",\"stream\":true,\"stream_options\":{\"include_usage\":true}")).collectList().block(SimClient.TIMEOUT);
        List<JsonNode> chunks = events.subList(0, events.size() - 1).stream().map(JSON::readTree).toList();

        assertThat(chunks.get(0).at("/choices/0/delta/role").asString()).isEqualTo("assistant");
        JsonNode header = chunks.get(1).at("/choices/0/delta/tool_calls/0");
        assertThat(header.get("index").asInt()).isZero();
        assertThat(header.get("id").asString()).isNotBlank();
        assertThat(header.get("type").asString()).isEqualTo("function");
        assertThat(header.at("/function/name").asString()).isEqualTo("get_weather");
        assertThat(header.at("/function/arguments").asString()).isEmpty();
        List<JsonNode> fragments = chunks.subList(2, chunks.size() - 2);
        assertThat(fragments).isNotEmpty().allSatisfy(c -> {
            JsonNode d = c.at("/choices/0/delta/tool_calls/0");
            assertThat(d.get("index").asInt()).isZero();
            assertThat(d.has("id")).isFalse();
            assertThat(d.at("/function/arguments").asString()).isNotEmpty();
        });
        String args = String.join("", fragments.stream().map(c -> c.at("/choices/0/delta/tool_calls/0/function/arguments").asString()).toList());
        assertThat(JSON.readTree(args).has("city")).isTrue();
        assertThat(chunks.get(chunks.size() - 2).at("/choices/0/finish_reason").asString()).isEqualTo("tool_calls");
        assertThat(chunks.get(chunks.size() - 1).at("/usage/completion_tokens").asInt()).isEqualTo(fragments.size() + 1);
    }

    @Test
    void forcedToolIsCalledEvenWithoutMention() {
        JsonNode body = client.post("/v1/chat/completions", SimClient.chatBody(CHAT, "hello",
                TOOLS + ",\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"search\"}}")).json();

        assertThat(body.at("/choices/0/message/tool_calls/0/function/name").asString()).isEqualTo("search");
        assertThat(JSON.readTree(body.at("/choices/0/message/tool_calls/0/function/arguments").asString()).isObject()).isTrue();
    }

    @Test
    void noMentionOrToolChoiceNoneAnswersWithText() {
        JsonNode auto = client.post("/v1/chat/completions", SimClient.chatBody(CHAT, "just chat", TOOLS)).json();
        JsonNode none = client.post("/v1/chat/completions",
                SimClient.chatBody(CHAT, "call get_weather", TOOLS + ",\"tool_choice\":\"none\"")).json();

        assertThat(auto.at("/choices/0/finish_reason").asString()).isNotEqualTo("tool_calls");
        assertThat(none.at("/choices/0/message/content").asString()).isNotEmpty();
        assertThat(none.at("/choices/0/message/tool_calls").isEmpty()).isTrue();
    }

    @Test
    void forcingAnUnknownToolIs400() {
        assertThat(client.post("/v1/chat/completions", SimClient.chatBody(CHAT, "x",
                TOOLS + ",\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"nope\"}}")).status()).isEqualTo(400);
    }
}
