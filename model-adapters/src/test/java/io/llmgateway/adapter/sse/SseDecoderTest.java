package io.llmgateway.adapter.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmgateway.adapter.schema.UpstreamEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven WHATWG event-stream cases, each fed whole and split at every byte boundary. */
class SseDecoderTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("simple", "data: a\n\n", List.of(ev(null, "a"))),
                Arguments.of("crlf", "data: a\r\n\r\ndata: b\r\n\r\n", List.of(ev(null, "a"), ev(null, "b"))),
                Arguments.of("cr only", "data: a\r\rdata: b\r\r", List.of(ev(null, "a"), ev(null, "b"))),
                Arguments.of("multi-line data joined with LF", "data: a\ndata: b\n\n", List.of(ev(null, "a\nb"))),
                Arguments.of("no space after colon", "data:a\n\n", List.of(ev(null, "a"))),
                Arguments.of("only one leading space dropped", "data:  a\n\n", List.of(ev(null, " a"))),
                Arguments.of("comments ignored", ": ping\n\ndata: a\n\n", List.of(ev(null, "a"))),
                Arguments.of("event name kept", "event: message_start\ndata: {}\n\n", List.of(ev("message_start", "{}"))),
                Arguments.of("event without data dropped", "event: ping\n\ndata: x\n\n", List.of(ev(null, "x"))),
                Arguments.of("id and retry ignored", "id: 1\nretry: 10\ndata: x\n\n", List.of(ev(null, "x"))),
                Arguments.of("field without colon", "data\n\n", List.of(ev(null, ""))),
                Arguments.of("BOM stripped", "\uFEFFdata: a\n\n", List.of(ev(null, "a"))),
                Arguments.of("unterminated last event discarded", "data: a\n\ndata: b", List.of(ev(null, "a"))),
                Arguments.of("utf-8 content", "data: {\"c\":\"你好 – ok\"}\n\n", List.of(ev(null, "{\"c\":\"你好 – ok\"}"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decodesWholeAndSplitAtEveryByte(String name, String input, List<UpstreamEvent> expected) {
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        assertThat(decode(List.of(bytes))).as("whole").isEqualTo(expected);
        for (int cut = 1; cut < bytes.length; cut++) {
            byte[] a = java.util.Arrays.copyOfRange(bytes, 0, cut);
            byte[] b = java.util.Arrays.copyOfRange(bytes, cut, bytes.length);
            assertThat(decode(List.of(a, b))).as("split at %d", cut).isEqualTo(expected);
        }
    }

    @org.junit.jupiter.api.Test
    void refusesAnEndlessLine() {
        SseDecoder d = new SseDecoder(64);
        byte[] line = ("data: " + "x".repeat(100)).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> d.feed(line, e -> { })).isInstanceOf(StreamLimitException.class);
    }

    @org.junit.jupiter.api.Test
    void refusesAnOversizedMultiLineEvent() {
        SseDecoder d = new SseDecoder(64);
        byte[] lines = "data: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n".repeat(4).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> d.feed(lines, e -> { })).isInstanceOf(StreamLimitException.class);
    }

    @org.junit.jupiter.api.Test
    void framesMultiLinePayloadsSoTheyDecodeBack() {
        String payload = "{\n\"a\": 1\r\n}";
        List<UpstreamEvent> back = decode(List.of(SseFrames.data(payload)));
        assertThat(back).containsExactly(ev(null, "{\n\"a\": 1\n}"));
        assertThat(new String(SseFrames.data("{}"), StandardCharsets.UTF_8)).isEqualTo("data: {}\n\n");
    }

    private static List<UpstreamEvent> decode(List<byte[]> parts) {
        SseDecoder d = new SseDecoder(1024);
        List<UpstreamEvent> out = new ArrayList<>();
        parts.forEach(p -> d.feed(p, out::add));
        d.finish(out::add);
        return out;
    }

    private static UpstreamEvent ev(String event, String data) {
        return new UpstreamEvent(event, data);
    }
}
