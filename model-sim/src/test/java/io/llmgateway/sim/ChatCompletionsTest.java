package io.llmgateway.sim;

import static io.llmgateway.sim.SimClient.JSON;
import static io.llmgateway.sim.SimClient.chatBody;
import static io.llmgateway.sim.TestNodes.CHAT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ChatCompletionsTest {
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
    void nonStreamResponseHasOpenAiShapeAndConsistentUsage() {
        SimClient.Reply reply = client.post("/v1/chat/completions", chatBody(CHAT, "Hello there, how are you?", "\"max_tokens\":12"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers().get("content-type")).startsWith("application/json");
        JsonNode body = reply.json();
        assertThat(body.get("id").asString()).startsWith("chatcmpl-");
        assertThat(body.get("object").asString()).isEqualTo("chat.completion");
        assertThat(body.get("model").asString()).isEqualTo(CHAT);
        assertThat(body.get("created").asLong()).isPositive();
        JsonNode choice = body.get("choices").get(0);
        assertThat(choice.get("message").get("role").asString()).isEqualTo("assistant");
        assertThat(choice.get("message").get("content").asString()).isNotBlank();
        assertThat(choice.get("finish_reason").asString()).isIn("stop", "length");
        JsonNode usage = body.get("usage");
        assertThat(usage.get("completion_tokens").asInt()).isBetween(1, 12);
        assertThat(usage.get("prompt_tokens").asInt()).isPositive();
        assertThat(usage.get("total_tokens").asInt())
                .isEqualTo(usage.get("prompt_tokens").asInt() + usage.get("completion_tokens").asInt());
    }

    @Test
    void maxTokensCutsWithFinishReasonLength() {
        JsonNode body = client.post("/v1/chat/completions", chatBody(CHAT, "Tell me a long story", "\"max_tokens\":3")).json();

        assertThat(body.at("/choices/0/finish_reason").asString()).isEqualTo("length");
        assertThat(body.at("/usage/completion_tokens").asInt()).isEqualTo(3);
    }

    @Test
    void streamStartsWithRoleEndsWithDoneAndHasNoUsageUnlessAsked() {
        List<String> events = client.stream("/v1/chat/completions",
                chatBody(CHAT, "Hi", "\"stream\":true,\"max_tokens\":8")).collectList().block(SimClient.TIMEOUT);

        assertThat(events.get(events.size() - 1)).isEqualTo("[DONE]");
        List<JsonNode> chunks = events.subList(0, events.size() - 1).stream().map(JSON::readTree).toList();
        JsonNode first = chunks.get(0);
        assertThat(first.get("object").asString()).isEqualTo("chat.completion.chunk");
        assertThat(first.at("/choices/0/delta/role").asString()).isEqualTo("assistant");
        assertThat(first.at("/choices/0/delta/content").asString()).isEmpty();
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.get("id").asString()).isEqualTo(first.get("id").asString());
            assertThat(c.has("usage")).isFalse();
            assertThat(c.get("choices").size()).isEqualTo(1);
        });
        JsonNode last = chunks.get(chunks.size() - 1);
        assertThat(last.at("/choices/0/finish_reason").asString()).isIn("stop", "length");
        assertThat(chunks.subList(1, chunks.size() - 1))
                .allSatisfy(c -> assertThat(c.at("/choices/0/finish_reason").isNull()).isTrue());
    }

    @Test
    void includeUsageAddsAFinalUsageChunkMatchingTheStreamedTokens() {
        String request = chatBody(CHAT, "Count with me", "\"stream\":true,\"max_tokens\":20,\"stream_options\":{\"include_usage\":true}");
        List<String> events = client.stream("/v1/chat/completions", request).collectList().block(SimClient.TIMEOUT);

        JsonNode usageChunk = JSON.readTree(events.get(events.size() - 2));
        assertThat(usageChunk.get("choices").isEmpty()).isTrue();
        List<JsonNode> tokenChunks = events.subList(1, events.size() - 3).stream().map(JSON::readTree).toList();
        assertThat(tokenChunks).allSatisfy(c -> assertThat(c.at("/choices/0/delta/content").asString()).isNotEmpty());
        assertThat(usageChunk.at("/usage/completion_tokens").asInt()).isEqualTo(tokenChunks.size());
        String streamed = String.join("", tokenChunks.stream().map(c -> c.at("/choices/0/delta/content").asString()).toList());
        String nonStreamed = client.post("/v1/chat/completions",
                chatBody(CHAT, "Count with me", "\"max_tokens\":20")).json().at("/choices/0/message/content").asString();
        assertThat(streamed).isEqualTo(nonStreamed);
        int promptTokens = client.post("/v1/chat/completions", chatBody(CHAT, "Count with me", "\"max_tokens\":20"))
                .json().at("/usage/prompt_tokens").asInt();
        assertThat(usageChunk.at("/usage/prompt_tokens").asInt()).isEqualTo(promptTokens);
    }

    @Test
    void sameSeedAndMessagesGiveTheSameTextOtherSeedsDiffer() {
        String a = content(chatBody(CHAT, "Same question", "\"seed\":1"));
        String b = content(chatBody(CHAT, "Same question", "\"seed\":1"));
        String c = content(chatBody(CHAT, "Same question", "\"seed\":2"));
        String d = content(chatBody(CHAT, "Another question", "\"seed\":1"));

        assertThat(a).isEqualTo(b);
        assertThat(c).isNotEqualTo(a);
        assertThat(d).isNotEqualTo(a);
    }

    @Test
    void nChoicesAreIndexedAndCountedInUsage() {
        JsonNode body = client.post("/v1/chat/completions", chatBody(CHAT, "Two answers", "\"n\":2,\"max_tokens\":5")).json();

        assertThat(body.get("choices").size()).isEqualTo(2);
        assertThat(body.at("/choices/1/index").asInt()).isEqualTo(1);
        assertThat(body.at("/usage/completion_tokens").asInt()).isEqualTo(10);
    }

    @Test
    void stopStringEndsTheAnswerAndIsNotIncluded() {
        String full = content(chatBody(CHAT, "stop test", "\"seed\":5,\"max_tokens\":60"));
        String stop = full.substring(10, 14);
        JsonNode body = client.post("/v1/chat/completions",
                chatBody(CHAT, "stop test", "\"seed\":5,\"max_tokens\":60,\"stop\":[\"" + stop + "\"]")).json();

        String cut = body.at("/choices/0/message/content").asString();
        assertThat(body.at("/choices/0/finish_reason").asString()).isEqualTo("stop");
        assertThat(cut).doesNotContain(stop);
        assertThat(full).startsWith(cut);
    }

    @Test
    void jsonResponseFormatProducesAJsonObject() {
        String text = content(chatBody(CHAT, "give json", "\"response_format\":{\"type\":\"json_object\"}"));

        assertThat(JSON.readTree(text).isObject()).isTrue();
    }

    @Test
    void unknownModelIs404InVllmShape() {
        SimClient.Reply reply = client.post("/v1/chat/completions", chatBody("no-such-model", "x", ""));

        assertThat(reply.status()).isEqualTo(404);
        JsonNode body = reply.json();
        assertThat(body.get("object").asString()).isEqualTo("error");
        assertThat(body.get("type").asString()).isEqualTo("NotFoundError");
        assertThat(body.get("code").asInt()).isEqualTo(404);
        assertThat(body.get("message").asString()).contains("no-such-model");
        assertThat(body.has("param")).isTrue();
    }

    @Test
    void badRequestsAre400() {
        assertThat(client.post("/v1/chat/completions", "{not json").status()).isEqualTo(400);
        assertThat(client.post("/v1/chat/completions", "{\"model\":\"" + CHAT + "\"}").json().get("type").asString())
                .isEqualTo("BadRequestError");
        assertThat(client.post("/v1/chat/completions", chatBody(CHAT, "x", "\"stream_options\":{\"include_usage\":true}"))
                .status()).isEqualTo(400);
        assertThat(client.post("/v1/chat/completions", chatBody(CHAT, "x", "\"max_tokens\":40000")).json()
                .get("message").asString()).contains("maximum context length is 32768");
        assertThat(client.post("/v1/chat/completions", chatBody(TestNodes.EMBED, "x", "")).status()).isEqualTo(400);
    }

    @Test
    void unknownFieldsAreIgnored() {
        assertThat(client.post("/v1/chat/completions", chatBody(CHAT, "x", "\"frobnicate\":{\"a\":1},\"temperature\":0.2"))
                .status()).isEqualTo(200);
    }

    private static String content(String request) {
        return client.post("/v1/chat/completions", request).json().at("/choices/0/message/content").asString();
    }
}
