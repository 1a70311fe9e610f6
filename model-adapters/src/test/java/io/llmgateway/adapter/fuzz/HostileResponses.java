package io.llmgateway.adapter.fuzz;

import static io.llmgateway.adapter.fuzz.HostileResponse.Tail.CLOSE;
import static io.llmgateway.adapter.fuzz.HostileResponse.Tail.ENDLESS;
import static io.llmgateway.adapter.fuzz.HostileResponse.Tail.HANG;

import io.llmgateway.adapter.fuzz.HostileResponse.Tail;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of what a broken or hostile upstream may answer, from bad HTTP to bad JSON inside good SSE. */
final class HostileResponses {

    static final int EVENT_CAP = 16 * 1024;

    private static final String CHUNK = "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
            + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ok\"},\"finish_reason\":null}]}";
    private static final String ANSWER = "{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}";

    private HostileResponses() {
    }

    static Arbitrary<HostileResponse> any() {
        return Arbitraries.oneOf(badHttp(), Combinators.combine(status(), contentType(), payload(), tail())
                .as(HostileResponses::assemble));
    }

    /** Broken HTTP itself: status lines, headers, framing. */
    static Arbitrary<HostileResponse> badHttp() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        HostileResponse.of("no status line", "\r\n\r\n", CLOSE),
                        HostileResponse.of("not HTTP", "SSH-2.0-OpenSSH_9.6\r\n", HANG),
                        HostileResponse.of("status 999999", "HTTP/1.1 999999 What\r\nContent-Length: 0\r\n\r\n", CLOSE),
                        HostileResponse.of("negative status", "HTTP/1.1 -200 OK\r\nContent-Length: 0\r\n\r\n", CLOSE),
                        HostileResponse.of("HTTP/9.9", "HTTP/9.9 200 OK\r\nContent-Length: 2\r\n\r\n{}", CLOSE),
                        HostileResponse.of("header without colon", "HTTP/1.1 200 OK\r\nnonsense header\r\n\r\n{}", CLOSE),
                        HostileResponse.of("negative length", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: -5\r\n\r\n{}", CLOSE),
                        HostileResponse.of("length overflow", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 99999999999999999999\r\n\r\n{}", CLOSE),
                        HostileResponse.of("length larger than body", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"a\":", CLOSE),
                        HostileResponse.of("length larger than body, then silence", "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Length: 1000\r\n\r\ndata: {}\n\n", HANG),
                        HostileResponse.of("bad chunk size", "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n", CLOSE),
                        HostileResponse.of("huge chunk size", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFF\r\nabc", CLOSE),
                        HostileResponse.of("headers without end", "HTTP/1.1 200 OK\r\n", ENDLESS),
                        HostileResponse.of("headers, then silence", "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n", HANG),
                        HostileResponse.of("nothing at all", "", HANG),
                        HostileResponse.of("immediate close", "", CLOSE)),
                Arbitraries.integers().between(9_000, 200_000).map(n -> HostileResponse.of("header of " + n + " bytes",
                        "HTTP/1.1 200 OK\r\nX-Big: " + "a".repeat(n) + "\r\n\r\n", CLOSE)),
                Arbitraries.integers().between(200, 5_000).map(n -> HostileResponse.of(n + " headers",
                        "HTTP/1.1 200 OK\r\n" + "X-H: v\r\n".repeat(n) + "\r\n", CLOSE)),
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(2000)
                        .map(b -> HostileResponse.of("random bytes", b, CLOSE, "x")));
    }

    private static Arbitrary<Integer> status() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just(200)),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(400, 401, 404, 413, 422, 429, 500, 502, 503, 529)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(100, 101, 204, 206, 301, 304, 418, 599)));
    }

    private static Arbitrary<String> contentType() {
        return Arbitraries.of("text/event-stream", "application/json", "application/x-ndjson", "text/html", "",
                "text/event-stream; charset=ISO-8859-1", "application/json; charset=utf-16");
    }

    private static Arbitrary<Tail> tail() {
        return Arbitraries.frequency(net.jqwik.api.Tuple.of(8, CLOSE), net.jqwik.api.Tuple.of(2, HANG));
    }

    /** Bodies: valid, truncated, invalid JSON, invalid UTF-8, hostile numbers and nesting, oversized, endless. */
    private static Arbitrary<Object> payload() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        sse(CHUNK, CHUNK, "[DONE]"), sse(CHUNK), sse(CHUNK.substring(0, 40)), ANSWER, ANSWER.substring(0, 50),
                        "{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}", "{\"detail\":[{\"loc\":1}]}",
                        "<html><body>502 Bad Gateway</body></html>", "", "null", "[]", "\"str\"", "1e999999",
                        sse("{\"choices\":\"not-a-list\"}"), sse("{\"choices\":[{\"delta\":{\"content\":123}}]}"),
                        sse("{\"usage\":{\"prompt_tokens\":\"many\",\"completion_tokens\":-1}}"),
                        sse("{\"usage\":{\"prompt_tokens\":99999999999999999999999999,\"completion_tokens\":1e308}}"),
                        sse("{\"choices\":[{\"delta\":{\"content\":\"a\"}}],\"choices\":[]}"),
                        sse("{\"type\":\"content_block_delta\",\"index\":\"x\",\"delta\":null}"),
                        sse("{\"type\":\"message_start\",\"message\":7}"), "{\"done\":true,\"eval_count\":\"x\"}\n",
                        "{\"message\":{\"content\":5},\"done\":false}\n{\"done\":true}\n",
                        "{\"token\":{\"text\":null},\"generated_text\":[]}", sse("{not json"), sse("{\"a\":1}}}"),
                        "data: " + "[".repeat(5000) + "\n\n", "{\"a\":" .repeat(5000), "event: error\ndata: {}\n\n",
                        "data: " + "x".repeat(EVENT_CAP + 10) + "\n\n", "data: {}\r\r\r\n\n" + ":" + "c".repeat(EVENT_CAP * 2)),
                Arbitraries.of(
                        bytes("data: {\"choices\":[{\"delta\":{\"content\":\"", new byte[] {(byte) 0xC3, 0x28}, "\"}}]}\n\n"),
                        bytes("data: {\"x\":\"", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\"}\n\n"),
                        bytes("", new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}, ""),
                        bytes("{\"id\":\"", new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, "\"}")),
                Arbitraries.strings().ofMaxLength(300).map(s -> "data: " + s + "\n\n"),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(3000),
                Arbitraries.of(new Endless("data: x"), new Endless("data: {\"choices\":[]}\n\n"), new Endless("\n"),
                        new Endless(": keep-alive\n\n"), new Endless("{\"done\":false}\n")));
    }

    /** A body that never ends. */
    record Endless(String unit) {
    }

    private static HostileResponse assemble(int status, String type, Object payload, Tail tail) {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\n");
        if (!type.isEmpty()) {
            head.append("Content-Type: ").append(type).append("\r\n");
        }
        head.append("\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        String name = status + " " + type;
        if (payload instanceof Endless e) {
            return HostileResponse.of(name + " endless", h, Tail.ENDLESS, e.unit());
        }
        byte[] body = payload instanceof byte[] b ? b : ((String) payload).getBytes(StandardCharsets.UTF_8);
        return new HostileResponse(name, HostileResponse.concat(h, body), tail, new byte[] {'x'});
    }

    private static String sse(String... data) {
        StringBuilder b = new StringBuilder();
        for (String d : data) {
            b.append("data: ").append(d).append("\n\n");
        }
        return b.toString();
    }

    private static byte[] bytes(String before, byte[] middle, String after) {
        return HostileResponse.concat(HostileResponse.concat(before.getBytes(StandardCharsets.UTF_8), middle),
                after.getBytes(StandardCharsets.UTF_8));
    }
}
