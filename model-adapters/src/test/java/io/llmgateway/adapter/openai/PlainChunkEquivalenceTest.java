package io.llmgateway.adapter.openai;

import static io.llmgateway.adapter.openai.OpenAiErrorTranslatorTest.TARGET;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.adapter.schema.OpenAiChunk;
import io.llmgateway.adapter.schema.OpenAiRequest;
import io.llmgateway.adapter.schema.Operation;
import io.llmgateway.adapter.schema.ResponseStamp;
import io.llmgateway.adapter.schema.UpstreamEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The streaming-parser path for plain events ({@link PlainChunk}) must be invisible: for any stream, the
 * translator gives exactly what the tree-only translator gives (chunks, kinds, usage, errors, end of stream).
 * Events are generated around the shape of a token delta with the faults engines produce: missing or blank
 * identity, repeated roles, engine finish reasons, tool calls, usage on a choice event, error events,
 * duplicate keys, odd types, truncated JSON.
 */
class PlainChunkEquivalenceTest {

    static final ResponseStamp STAMP = new ResponseStamp("equivalencestamp00000000", 1732780800L);

    @Property(tries = 3000)
    void thePlainPathGivesWhatTheTreeGives(@ForAll("streams") List<String> events, @ForAll boolean namedToolChoice) {
        OpenAiRequest request = OpenAiRequest.parse(Operation.CHAT, ("{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\","
                + "\"content\":\"hi\"}]" + (namedToolChoice ? ",\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"f\"}}" : "")
                + "}").getBytes(StandardCharsets.UTF_8));
        assertThat(run(new OpenAiStreamTranslator(request, TARGET, STAMP), events))
                .isEqualTo(run(OpenAiStreamTranslator.treeOnly(request, TARGET, STAMP), events));
    }

    @Test
    void aPlainTokenEventTakesThePlainPath() {
        String token = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"m\",\"system_fingerprint\":null,"
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"logprobs\":null,\"finish_reason\":null}]}";
        PlainChunk e = PlainChunk.scan(token);
        assertThat(e).isNotNull();
        assertThat(e.choices).isEqualTo(1);
        assertThat(e.id).isEqualTo("c1");
        assertThat(PlainChunk.scan(token.replace("\"finish_reason\":null", "\"finish_reason\":\"stop\"")).finishReason[0]).isEqualTo("stop");
        assertThat(PlainChunk.scan(token.replace("\"delta\":{", "\"delta\":{\"tool_calls\":[],"))).isNull();
        assertThat(PlainChunk.scan(token.replace("\"id\":\"c1\"", "\"id\":\"\""))).isNull();
        assertThat(PlainChunk.scan(token.replace("\"system_fingerprint\":null", "\"usage\":{\"prompt_tokens\":1}"))).isNull();
        assertThat(PlainChunk.scan(token + " {}")).isNull();
    }

    /** Everything a client or the gateway can observe of one stream. */
    static List<String> run(OpenAiStreamTranslator t, List<String> events) {
        List<String> seen = new ArrayList<>();
        for (String e : events) {
            seen.add(observe(() -> t.onEvent(new UpstreamEvent(null, e))));
            seen.add("finished=" + t.finished() + " usage=" + t.usage());
        }
        seen.add(observe(t::onComplete));
        seen.add("finished=" + t.finished() + " usage=" + t.usage());
        return seen;
    }

    private static String observe(Supplier<List<OpenAiChunk>> step) {
        try {
            return step.get().toString();
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    @Provide
    Arbitrary<List<String>> streams() {
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(12, event()),
                        net.jqwik.api.Tuple.of(1, Arbitraries.of("[DONE]", "{\"choices\":[{\"delta\":", "{\"error\":{\"message\":\"boom\"}}", "[]", "null")))
                .list().ofMinSize(1).ofMaxSize(8);
    }

    /** The first value most of the time (a well-formed field), any of the others otherwise. */
    private static Arbitrary<String> mostly(String usual, String... faults) {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3 * faults.length, Arbitraries.just(usual)),
                net.jqwik.api.Tuple.of(faults.length, Arbitraries.of(faults)));
    }

    private static Arbitrary<String> event() {
        Arbitrary<String> id = mostly("\"id\":\"c1\"", "\"id\":\"c2\"", "\"id\":\"\"", "\"id\":7", "\"id\":null", "");
        Arbitrary<String> object = mostly("\"object\":\"chat.completion.chunk\"", "\"object\":\"\"", "\"object\":\"error\"", "");
        Arbitrary<String> created = mostly("\"created\":1700000000", "\"created\":0", "\"created\":-3", "\"created\":1.5",
                "\"created\":\"1\"", "\"created\":99999999999999999999", "");
        Arbitrary<String> model = mostly("\"model\":\"m\"", "\"model\":\"\"", "\"model\":{}", "");
        Arbitrary<String> extra = mostly("", "\"system_fingerprint\":\"fp\"", "\"usage\":null",
                "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,\"total_tokens\":5}", "\"x\":{\"y\":[1,{\"z\":null}]}",
                "\"id\":\"dup\"", "\"error\":null");
        Arbitrary<String> choices = choice().list().ofMaxSize(3)
                .map(cs -> "\"choices\":[" + String.join(",", cs) + "]");
        Arbitrary<String> choicesField = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, choices), net.jqwik.api.Tuple.of(1, Arbitraries.of("", "\"choices\":null", "\"choices\":{}", "\"choices\":[1]")));
        return Combinators.combine(id, object, created, model, choicesField, extra, Arbitraries.integers().between(0, 5))
                .as((a, b, c, d, e, f, order) -> {
                    List<String> fields = new ArrayList<>(List.of(a, b, c, d, e, f));
                    java.util.Collections.rotate(fields, order);
                    return "{" + String.join(",", fields.stream().filter(s -> !s.isEmpty()).toList()) + "}";
                });
    }

    private static Arbitrary<String> choice() {
        Arbitrary<String> index = mostly("\"index\":0", "\"index\":1", "\"index\":-1", "\"index\":5000", "\"index\":\"1\"", "");
        Arbitrary<String> delta = mostly("\"delta\":{\"content\":\"Hi\"}", "\"delta\":{\"role\":\"assistant\",\"content\":\"\"}",
                "\"delta\":{}", "\"delta\":null", "", "\"delta\":{\"role\":\"assistant\",\"role\":\"assistant\"}",
                "\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"\"}}]}",
                "\"delta\":{\"tool_calls\":[{\"function\":{\"arguments\":\"{}\"}}]}");
        Arbitrary<String> finish = mostly("\"finish_reason\":null", "\"finish_reason\":\"stop\"", "\"finish_reason\":\"length\"",
                "\"finish_reason\":\"eos_token\"", "\"finish_reason\":\"tool_calls\"", "\"finish_reason\":3", "");
        Arbitrary<String> rest = mostly("", "\"logprobs\":null", "\"index\":0", "\"finish_reason\":\"stop\"");
        return Combinators.combine(index, delta, finish, rest)
                .as((a, b, c, d) -> "{" + String.join(",", java.util.stream.Stream.of(a, b, c, d).filter(s -> !s.isEmpty()).toList()) + "}");
    }
}
