package io.llmgateway.adapter.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenAiRequestTest {

    @Test
    void keepsEveryFieldAndLiftsTheOnesTheGatewayUses() {
        OpenAiRequest r = parse(Operation.CHAT, """
                {"model":"chat-small","messages":[{"role":"user","content":"hi"}],"stream":true,
                 "stream_options":{"include_usage":true},"max_completion_tokens":64,"seed":7,
                 "tools":[{"type":"function","function":{"name":"f","parameters":{}}}],"x_vendor":{"a":[1,2]}}""");
        assertThat(r.model()).isEqualTo("chat-small");
        assertThat(r.stream()).isTrue();
        assertThat(r.includeUsage()).isTrue();
        assertThat(r.maxTokens()).isEqualTo(64);
        assertThat(r.hasTools()).isTrue();
        assertThat(r.body().get("x_vendor").toString()).isEqualTo("{\"a\":[1,2]}");
        assertThat(r.body().get("seed").asInt()).isEqualTo(7);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not json            | {"model":                                                         |                     | We could not parse the JSON body
            array body          | []                                                                |                     | must be a JSON object
            no model            | {"messages":[{"role":"user","content":"x"}]}                      | model               | you must provide a model parameter
            model not string    | {"model":1,"messages":[{"role":"user","content":"x"}]}            | model               | must be a non-empty string
            no messages         | {"model":"m"}                                                     | messages            | Missing required parameter: 'messages'
            empty messages      | {"model":"m","messages":[]}                                       | messages            | at least one message
            bad role            | {"model":"m","messages":[{"role":"wizard","content":"x"}]}        | messages[0].role    | Invalid value: 'wizard'
            missing role        | {"model":"m","messages":[{"content":"x"}]}                        | messages[0].role    | Missing required parameter
            content is number   | {"model":"m","messages":[{"role":"user","content":5}]}            | messages[0].content | expected a string or an array
            temperature > 2     | {"model":"m","messages":[{"role":"user","content":"x"}],"temperature":2.5} | temperature | between 0 and 2
            max_tokens zero     | {"model":"m","messages":[{"role":"user","content":"x"}],"max_tokens":0}    | max_tokens  | expected an integer between 1
            max_tokens float    | {"model":"m","messages":[{"role":"user","content":"x"}],"max_tokens":1.5}  | max_tokens  | expected an integer
            n too large         | {"model":"m","messages":[{"role":"user","content":"x"}],"n":1000}          | n           | between 1 and 128
            stream not bool     | {"model":"m","messages":[{"role":"user","content":"x"}],"stream":"yes"}    | stream      | must be a boolean
            stream_options w/o stream | {"model":"m","messages":[{"role":"user","content":"x"}],"stream_options":{"include_usage":true}} | stream_options | only allowed when 'stream' is enabled
            duplicate keys      | {"model":"m","model":"n","messages":[{"role":"user","content":"x"}]}       |             | We could not parse the JSON body
            """)
    void rejectsBadChatRequestsWithA400NamingTheParam(String name, String body, String param, String message) {
        assertThatThrownBy(() -> parse(Operation.CHAT, body))
                .isInstanceOf(GatewayException.class)
                .hasMessageContaining(message)
                .satisfies(e -> {
                    GatewayException g = (GatewayException) e;
                    assertThat(g.kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
                    assertThat(g.status()).isEqualTo(400);
                    assertThat(g.param()).isEqualTo(param);
                });
    }

    @Test
    void rejectsDeepNestingWithoutAStackOverflow() {
        String deep = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThatThrownBy(() -> parse(Operation.CHAT, deep)).isInstanceOf(GatewayException.class)
                .hasMessageContaining("We could not parse the JSON body");
    }

    @Test
    void completionsAndEmbeddingsAcceptEveryPromptShape() {
        for (String p : new String[] {"\"a\"", "[\"a\",\"b\"]", "[1,2,3]", "[[1,2],[3]]"}) {
            assertThat(parse(Operation.COMPLETIONS, "{\"model\":\"m\",\"prompt\":" + p + "}").model()).isEqualTo("m");
            assertThat(parse(Operation.EMBEDDINGS, "{\"model\":\"m\",\"input\":" + p + "}").model()).isEqualTo("m");
        }
        assertThatThrownBy(() -> parse(Operation.EMBEDDINGS, "{\"model\":\"m\",\"input\":[]}")).hasMessageContaining("'input'");
        assertThatThrownBy(() -> parse(Operation.EMBEDDINGS, "{\"model\":\"m\",\"input\":[{}]}")).hasMessageContaining("'input'");
        assertThatThrownBy(() -> parse(Operation.COMPLETIONS, "{\"model\":\"m\"}")).hasMessageContaining("'prompt'");
    }

    @Test
    void estimatesTokensFromAllText() {
        OpenAiRequest r = parse(Operation.CHAT, """
                {"model":"m","messages":[{"role":"system","content":"%s"},
                 {"role":"user","content":[{"type":"text","text":"%s"},{"type":"image_url","image_url":{"url":"data:AAAA"}}]}]}"""
                .formatted("a".repeat(400), "b".repeat(400)));
        assertThat(RequestText.estimateTokens(r)).isBetween(200, 220);
        StringBuilder all = new StringBuilder();
        RequestText.forEach(r, all::append);
        assertThat(all.toString()).doesNotContain("data:AAAA");
    }

    static OpenAiRequest parse(Operation op, String json) {
        return OpenAiRequest.parse(op, json.getBytes(StandardCharsets.UTF_8));
    }
}
