package io.llmgateway.gateway.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.adapter.schema.OpenAiChunk;
import io.llmgateway.adapter.schema.Usage;
import io.llmgateway.adapter.schema.WireJson;
import io.llmgateway.policy.sensitivity.ClassifierConfig;
import io.llmgateway.policy.sensitivity.Redaction;
import io.llmgateway.policy.sensitivity.RedactionMap;
import io.llmgateway.policy.sensitivity.Redactor;
import io.llmgateway.policy.sensitivity.SensitivityClassifier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

/** Placeholders in answers back to the originals: whole answers and streams split anywhere. */
class RestorerTest {

    static final String EMAIL = "li.lei@example.com";
    static final String MOBILE = "13812345678";
    static final RedactionMap MAP = map("mail " + EMAIL + " or call " + MOBILE);

    static RedactionMap map(String text) {
        var classifier = SensitivityClassifier.of(ClassifierConfig.ofDefaults());
        Redaction r = Redactor.redact(List.of(text), classifier.scan(List.of(text)));
        assertThat(r.texts().get(0)).isEqualTo("mail [[EMAIL_1]] or call [[CN_MOBILE_1]]");
        return r.map();
    }

    @Test
    void aWholeAnswerIsRestoredInContentToolArgumentsAndText() {
        String answer = """
                {"id":"x","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant",
                 "content":"Sent to [[EMAIL_1]].","tool_calls":[{"id":"c","type":"function",
                 "function":{"name":"call","arguments":"{\\"to\\":\\"[[CN_MOBILE_1]]\\"}"}}]},"finish_reason":"stop"},
                 {"index":1,"text":"unknown [[EMAIL_9]] stays"}],"usage":{"prompt_tokens":3,"completion_tokens":4}}""";
        JsonNode out = WireJson.MAPPER.readTree(AnswerRestorer.restore(answer.getBytes(StandardCharsets.UTF_8), MAP));
        assertThat(out.path("choices").get(0).path("message").path("content").asString()).isEqualTo("Sent to " + EMAIL + ".");
        assertThat(out.path("choices").get(0).path("message").path("tool_calls").get(0).path("function").path("arguments")
                .asString()).isEqualTo("{\"to\":\"" + MOBILE + "\"}");
        assertThat(out.path("choices").get(1).path("text").asString()).isEqualTo("unknown [[EMAIL_9]] stays");
        assertThat(out.path("usage").path("completion_tokens").asInt()).isEqualTo(4);
    }

    @Test
    void anAnswerWithoutPlaceholdersOrNotJsonIsPassedAsIs() {
        byte[] plain = "{\"choices\":[{\"message\":{\"content\":\"hello\"}}]}".getBytes(StandardCharsets.UTF_8);
        assertThat(AnswerRestorer.restore(plain, MAP)).isSameAs(plain);
        byte[] html = "<html>".getBytes(StandardCharsets.UTF_8);
        assertThat(AnswerRestorer.restore(html, MAP)).isSameAs(html);
    }

    @Test
    void aPlaceholderSplitAcrossEventsIsRestoredWholeAndTheRestPassesAtOnce() {
        Flux<OpenAiChunk> in = Flux.just(delta(0, "Mail ["), delta(0, "[EMA"), delta(0, "IL_1]"), delta(0, "] now"),
                finish(0), usage());
        StepVerifier.create(StreamRestorer.apply(in, MAP).map(RestorerTest::describe))
                .expectNext("0:Mail ", "0:", "0:", "0:" + EMAIL + " now", "0:|stop", "usage")
                .verifyComplete();
    }

    @Test
    void eachChoiceHasItsOwnRestorerAndHeldTextGoesOutWithItsFinishEvent() {
        Flux<OpenAiChunk> in = Flux.just(delta(0, "a [[EMAIL"), delta(1, "b [[CN_MO"), delta(1, "BILE_1]]"), finish(0),
                finish(1));
        StepVerifier.create(StreamRestorer.apply(in, MAP).map(RestorerTest::describe))
                .expectNext("0:a ", "1:b ", "1:" + MOBILE, "0:[[EMAIL|stop", "1:|stop")
                .verifyComplete();
    }

    @Test
    void aStreamThatEndsWithoutAFinishEventGetsOneExtraEventWithWhatWasHeld() {
        StepVerifier.create(StreamRestorer.apply(Flux.just(delta(0, "x [[EMAIL_1]"), usage()), MAP).map(RestorerTest::describe))
                .expectNext("0:x ", "usage", "0:[[EMAIL_1]")
                .verifyComplete();
        StepVerifier.create(StreamRestorer.apply(Flux.just(delta(0, "y ["))
                        .concatWith(Flux.error(new IllegalStateException("cut"))), MAP).map(RestorerTest::describe))
                .expectNext("0:y ", "0:[")
                .verifyErrorMessage("cut");
    }

    @Test
    void toolCallArgumentsAndCompletionTextAreRestoredToo() {
        String tool1 = "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"to\\\":\\\"[[CN_\"}}]}}]}";
        String tool2 = "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"MOBILE_1]]\\\"}\"}}]}}]}";
        String text = "{\"object\":\"text_completion\",\"choices\":[{\"index\":0,\"text\":\"[[EMAIL_1]]\",\"finish_reason\":\"length\"}]}";
        StepVerifier.create(StreamRestorer.apply(Flux.just(OpenAiChunk.delta(tool1), OpenAiChunk.delta(tool2)), MAP)
                        .map(c -> WireJson.MAPPER.readTree(c.json()).path("choices").get(0).path("delta").path("tool_calls")
                                .get(0).path("function").path("arguments").asString()))
                .expectNext("{\"to\":\"", MOBILE + "\"}")
                .verifyComplete();
        StepVerifier.create(StreamRestorer.apply(Flux.just(OpenAiChunk.delta(text)), MAP)
                        .map(c -> WireJson.MAPPER.readTree(c.json()).path("choices").get(0).path("text").asString()))
                .expectNext(EMAIL)
                .verifyComplete();
    }

    @Test
    void eventsThatDoNotChangeAreNotReserialised() {
        OpenAiChunk plain = delta(0, "plain text");
        StepVerifier.create(StreamRestorer.apply(Flux.just(plain), MAP)).expectNextMatches(c -> c == plain).verifyComplete();
        StepVerifier.create(StreamRestorer.apply(Flux.just(plain), RedactionMap.empty())).expectNext(plain).verifyComplete();
    }

    static OpenAiChunk delta(int index, String content) {
        return OpenAiChunk.delta("{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"m\",\"choices\":[{\"index\":" + index
                + ",\"delta\":{\"content\":" + WireJson.MAPPER.writeValueAsString(content) + "},\"finish_reason\":null}]}");
    }

    static OpenAiChunk finish(int index) {
        return OpenAiChunk.delta("{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"m\",\"choices\":[{\"index\":" + index
                + ",\"delta\":{},\"finish_reason\":\"stop\"}]}");
    }

    static OpenAiChunk usage() {
        return new OpenAiChunk("{\"id\":\"c\",\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2}}",
                OpenAiChunk.Kind.USAGE_ONLY, Usage.reported(1, 2, 0));
    }

    /** {@code index:content} or {@code index:content|finish} of the first choice, or {@code usage}. */
    static String describe(OpenAiChunk c) {
        if (c.kind() == OpenAiChunk.Kind.USAGE_ONLY) {
            return "usage";
        }
        JsonNode choice = WireJson.MAPPER.readTree(c.json()).path("choices").get(0);
        String finish = choice.path("finish_reason").isNull() || choice.path("finish_reason").isMissingNode()
                ? "" : "|" + choice.path("finish_reason").asString();
        return choice.path("index").asInt() + ":" + choice.path("delta").path("content").asString("") + finish;
    }
}
