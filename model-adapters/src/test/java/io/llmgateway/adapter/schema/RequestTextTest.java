package io.llmgateway.adapter.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The visit order of a request's texts, and writing changed texts back in that order. */
class RequestTextTest {

    static final String CHAT = """
            {"model":"m","temperature":0.2,"x-vendor":{"keep":true},
             "messages":[
              {"role":"system","content":"sys"},
              {"role":"user","name":"alice","content":[{"type":"text","text":"part one"},
                {"type":"image_url","image_url":{"url":"data:AAAA"}},{"type":"text","text":"part two"}]},
              {"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function",
                "function":{"name":"lookup","arguments":"{\\"q\\":\\"args\\"}"}}]},
              {"role":"tool","tool_call_id":"c1","content":"tool result"}],
             "tools":[{"type":"function","function":{"name":"lookup","description":"finds things"}}]}""";

    @Test
    void visitsEveryTextInOrderAndMarksNamesAndToolDefinitions() {
        List<String> texts = new ArrayList<>();
        List<Boolean> rewritable = new ArrayList<>();
        RequestText.visit(parse(Operation.CHAT, CHAT), (text, r) -> {
            texts.add(text);
            rewritable.add(r);
        });
        assertThat(texts).containsExactly("sys", "part one", "part two", "alice", "lookup", "{\"q\":\"args\"}", "tool result",
                "{\"type\":\"function\",\"function\":{\"name\":\"lookup\",\"description\":\"finds things\"}}");
        assertThat(rewritable).containsExactly(true, true, true, false, false, true, true, false);
    }

    @Test
    void rewritesTextsInVisitOrderAndKeepsEverythingElse() {
        OpenAiRequest req = parse(Operation.CHAT, CHAT);
        List<String> texts = texts(req);
        texts.set(1, "PART ONE");
        texts.set(5, "{\"q\":\"[[EMAIL_1]]\"}");
        texts.set(6, "masked result");
        OpenAiRequest out = RequestText.rewrite(req, texts);
        assertThat(texts(out)).isEqualTo(texts);
        assertThat(out.body().path("messages").get(1).path("content").get(1).path("image_url").path("url").asString())
                .isEqualTo("data:AAAA");
        assertThat(out.body().path("x-vendor").path("keep").asBoolean()).isTrue();
        assertThat(out.body().path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(out.model()).isEqualTo("m");
        assertThat(out.hasTools()).isTrue();
        assertThat(texts(req).get(1)).as("the original is untouched").isEqualTo("part one");
    }

    @Test
    void rewritesPromptAndInputLists() {
        OpenAiRequest completion = parse(Operation.COMPLETIONS, "{\"model\":\"m\",\"prompt\":\"one\"}");
        assertThat(texts(RequestText.rewrite(completion, List.of("ONE")))).containsExactly("ONE");
        OpenAiRequest embed = parse(Operation.EMBEDDINGS, "{\"model\":\"m\",\"input\":[\"a\",\"b\"]}");
        assertThat(texts(RequestText.rewrite(embed, List.of("a", "B")))).containsExactly("a", "B");
        OpenAiRequest tokens = parse(Operation.EMBEDDINGS, "{\"model\":\"m\",\"input\":[1,2,3]}");
        assertThat(texts(RequestText.rewrite(tokens, List.of()))).isEmpty();
    }

    @Test
    void refusesToRewriteNamesToolDefinitionsOrAWrongNumberOfTexts() {
        OpenAiRequest req = parse(Operation.CHAT, CHAT);
        List<String> texts = texts(req);
        texts.set(7, "{}");
        assertThatThrownBy(() -> RequestText.rewrite(req, texts)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tool definition");
        List<String> renamed = texts(req);
        renamed.set(3, "bob");
        assertThatThrownBy(() -> RequestText.rewrite(req, renamed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> RequestText.rewrite(req, texts.subList(0, 3))).isInstanceOf(IllegalArgumentException.class);
        List<String> more = new ArrayList<>(texts(req));
        more.add("extra");
        assertThatThrownBy(() -> RequestText.rewrite(req, more)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnchangedRewriteEqualsTheOriginal() {
        OpenAiRequest req = parse(Operation.CHAT, CHAT);
        assertThat(RequestText.rewrite(req, texts(req)).body()).isEqualTo(req.body());
    }

    static List<String> texts(OpenAiRequest req) {
        List<String> out = new ArrayList<>();
        RequestText.forEach(req, out::add);
        return out;
    }

    static OpenAiRequest parse(Operation op, String json) {
        return OpenAiRequest.parse(op, json.getBytes(StandardCharsets.UTF_8));
    }
}
