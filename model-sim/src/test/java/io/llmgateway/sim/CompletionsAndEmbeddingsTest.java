package io.llmgateway.sim;

import static io.llmgateway.sim.SimClient.JSON;
import static io.llmgateway.sim.TestNodes.CHAT;
import static io.llmgateway.sim.TestNodes.EMBED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CompletionsAndEmbeddingsTest {
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
    void textCompletionNonStream() {
        JsonNode body = client.post("/v1/completions",
                "{\"model\":\"" + CHAT + "\",\"prompt\":\"Once upon a time\",\"max_tokens\":7}").json();

        assertThat(body.get("object").asString()).isEqualTo("text_completion");
        assertThat(body.get("id").asString()).startsWith("cmpl-");
        assertThat(body.at("/choices/0/text").asString()).isNotEmpty();
        assertThat(body.at("/usage/completion_tokens").asInt()).isEqualTo(7);
        assertThat(body.at("/choices/0/finish_reason").asString()).isEqualTo("length");
    }

    @Test
    void textCompletionStreamMatchesNonStream() {
        String request = "{\"model\":\"" + CHAT + "\",\"prompt\":\"Once\",\"max_tokens\":9,\"stream\":true,"
                + "\"stream_options\":{\"include_usage\":true}}";
        List<String> events = client.stream("/v1/completions", request).collectList().block(SimClient.TIMEOUT);

        assertThat(events.get(events.size() - 1)).isEqualTo("[DONE]");
        List<JsonNode> chunks = events.subList(0, events.size() - 1).stream().map(JSON::readTree).toList();
        assertThat(chunks).allSatisfy(c -> assertThat(c.get("object").asString()).isEqualTo("text_completion"));
        JsonNode usage = chunks.get(chunks.size() - 1).get("usage");
        List<JsonNode> tokens = chunks.subList(0, chunks.size() - 2);
        assertThat(usage.get("completion_tokens").asInt()).isEqualTo(tokens.size()).isEqualTo(9);
        String streamed = String.join("", tokens.stream().map(c -> c.at("/choices/0/text").asString()).toList());
        String whole = client.post("/v1/completions", "{\"model\":\"" + CHAT + "\",\"prompt\":\"Once\",\"max_tokens\":9}")
                .json().at("/choices/0/text").asString();
        assertThat(streamed).isEqualTo(whole);
    }

    @Test
    void severalPromptsGetOneChoiceEach() {
        JsonNode body = client.post("/v1/completions",
                "{\"model\":\"" + CHAT + "\",\"prompt\":[\"a\",\"b\",\"c\"],\"max_tokens\":2}").json();

        assertThat(body.get("choices").size()).isEqualTo(3);
        assertThat(body.at("/choices/2/index").asInt()).isEqualTo(2);
    }

    @Test
    void embeddingsAreUnitNormDeterministicAndSized() {
        JsonNode body = client.post("/v1/embeddings", "{\"model\":\"" + EMBED + "\",\"input\":[\"hello\",\"world\"]}").json();
        JsonNode again = client.post("/v1/embeddings", "{\"model\":\"" + EMBED + "\",\"input\":\"hello\"}").json();

        assertThat(body.get("object").asString()).isEqualTo("list");
        assertThat(body.get("data").size()).isEqualTo(2);
        JsonNode first = body.at("/data/0");
        assertThat(first.get("object").asString()).isEqualTo("embedding");
        assertThat(first.get("embedding").size()).isEqualTo(1024);
        assertThat(norm(first.get("embedding"))).isCloseTo(1.0, within(1e-4));
        assertThat(again.at("/data/0/embedding")).isEqualTo(first.get("embedding"));
        assertThat(body.at("/data/1/embedding")).isNotEqualTo(first.get("embedding"));
        assertThat(body.at("/usage/prompt_tokens").asInt()).isPositive();
    }

    @Test
    void base64EncodingCarriesTheSameFloats() {
        JsonNode floats = client.post("/v1/embeddings", "{\"model\":\"" + EMBED + "\",\"input\":\"x\"}").json();
        JsonNode b64 = client.post("/v1/embeddings",
                "{\"model\":\"" + EMBED + "\",\"input\":\"x\",\"encoding_format\":\"base64\"}").json();

        ByteBuffer buf = ByteBuffer.wrap(Base64.getDecoder().decode(b64.at("/data/0/embedding").asString()))
                .order(ByteOrder.LITTLE_ENDIAN);
        assertThat(buf.remaining()).isEqualTo(1024 * 4);
        assertThat((double) buf.getFloat(0)).isCloseTo(floats.at("/data/0/embedding/0").asDouble(), within(1e-6));
    }

    @Test
    void tokenArrayInputsAndDimensionsAreAccepted() {
        JsonNode body = client.post("/v1/embeddings",
                "{\"model\":\"" + EMBED + "\",\"input\":[[1,2,3],[4,5]],\"dimensions\":256}").json();

        assertThat(body.get("data").size()).isEqualTo(2);
        assertThat(body.at("/data/0/embedding").size()).isEqualTo(256);
        assertThat(body.at("/usage/prompt_tokens").asInt()).isEqualTo(5);
    }

    @Test
    void chatModelRefusesEmbeddings() {
        assertThat(client.post("/v1/embeddings", "{\"model\":\"" + CHAT + "\",\"input\":\"x\"}").status()).isEqualTo(400);
    }

    @Test
    void modelsListAndLookup() {
        JsonNode list = client.get("/v1/models").json();
        assertThat(list.get("object").asString()).isEqualTo("list");
        assertThat(list.get("data").valueStream().map(m -> m.get("id").asString())).containsExactly(CHAT, EMBED);
        assertThat(list.at("/data/0/owned_by").asString()).isEqualTo("vllm");
        assertThat(list.at("/data/0/max_model_len").asInt()).isEqualTo(32768);

        assertThat(client.get("/v1/models/" + CHAT).json().get("id").asString()).isEqualTo(CHAT);
        SimClient.Reply missing = client.get("/v1/models/gpt-9");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("object").asString()).isEqualTo("error");
    }

    @Test
    void healthAndUnknownPaths() {
        assertThat(client.get("/health").status()).isEqualTo(200);
        assertThat(client.get("/v1/nothing").status()).isEqualTo(404);
        assertThat(client.get("/v1/chat/completions").status()).isEqualTo(405);
    }

    private static double norm(JsonNode vector) {
        double sum = 0;
        for (JsonNode v : vector) {
            sum += v.asDouble() * v.asDouble();
        }
        return Math.sqrt(sum);
    }
}
