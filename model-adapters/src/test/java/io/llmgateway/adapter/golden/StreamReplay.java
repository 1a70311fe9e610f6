package io.llmgateway.adapter.golden;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.adapter.StreamFraming;
import io.llmgateway.adapter.StreamTranslator;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.error.OpenAiErrorBody;
import io.llmgateway.adapter.schema.OpenAiChunk;
import io.llmgateway.adapter.schema.UpstreamEvent;
import io.llmgateway.adapter.schema.Usage;
import io.llmgateway.adapter.schema.WireJson;
import io.llmgateway.adapter.sse.LineSplitter;
import io.llmgateway.adapter.sse.SseDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Feeds raw upstream stream bytes through the real decoder (SSE or NDJSON, in small pieces as a
 * network would deliver them) and a stream translator, and renders what comes out as text: one
 * {@code KIND json} line per chunk, then {@code THROWS json} if the translator ended the stream with
 * an error. Also checks the translator's own invariants: it reports finished at the end, and its
 * usage matches the usage-only chunk.
 */
public final class StreamReplay {

    private StreamReplay() {
    }

    public static String run(StreamFraming framing, StreamTranslator translator, byte[] upstream) {
        List<OpenAiChunk> chunks = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        try {
            Consumer<UpstreamEvent> sink = e -> chunks.addAll(translator.onEvent(e));
            if (framing == StreamFraming.SSE) {
                SseDecoder d = new SseDecoder(1 << 20);
                for (int i = 0; i < upstream.length; i += 7) {
                    d.feed(java.util.Arrays.copyOfRange(upstream, i, Math.min(upstream.length, i + 7)), sink);
                }
                d.finish(sink);
            } else {
                LineSplitter lines = new LineSplitter(1 << 20);
                lines.feed(upstream, line -> {
                    if (!line.isBlank()) {
                        sink.accept(UpstreamEvent.line(line));
                    }
                });
                String rest = lines.finish();
                if (rest != null && !rest.isBlank()) {
                    sink.accept(UpstreamEvent.line(rest));
                }
            }
            chunks.addAll(translator.onComplete());
            render(chunks, out);
            assertThat(translator.finished()).as("finished after a complete stream").isTrue();
            usageMatches(chunks, translator.usage());
        } catch (GatewayException e) {
            render(chunks, out);
            ObjectNode thrown = WireJson.MAPPER.createObjectNode();
            thrown.put("status", e.status());
            thrown.put("retryable", e.retryable());
            thrown.setAll(OpenAiErrorBody.tree(e));
            out.append("THROWS ").append(WireJson.MAPPER.writeValueAsString(thrown)).append('\n');
        }
        return out.toString();
    }

    private static void render(List<OpenAiChunk> chunks, StringBuilder out) {
        for (OpenAiChunk c : chunks) {
            out.append(c.kind()).append(' ').append(c.json()).append('\n');
        }
    }

    private static void usageMatches(List<OpenAiChunk> chunks, Usage usage) {
        for (OpenAiChunk c : chunks) {
            if (c.kind() == OpenAiChunk.Kind.USAGE_ONLY) {
                Usage u = Usage.fromOpenAi(WireJson.MAPPER.readTree(c.json()).get("usage"));
                assertThat(usage).as("translator usage").isNotNull();
                assertThat(List.of(usage.promptTokens(), usage.completionTokens(), usage.cachedPromptTokens()))
                        .as("usage-only chunk matches translator usage")
                        .isEqualTo(List.of(u.promptTokens(), u.completionTokens(), u.cachedPromptTokens()));
            }
        }
    }

    /** Compares line by line: same kind, same JSON tree. */
    public static void assertSameChunks(String actual, String expected) {
        List<String> a = actual.lines().toList();
        List<String> e = expected.lines().filter(l -> !l.isBlank()).toList();
        for (int i = 0; i < Math.max(a.size(), e.size()); i++) {
            String al = i < a.size() ? a.get(i) : "<none>";
            String el = i < e.size() ? e.get(i) : "<none>";
            if (!sameLine(al, el)) {
                assertThat(actual).as("chunk " + i + " differs:\n  actual:   " + al + "\n  expected: " + el).isEqualTo(expected);
            }
        }
    }

    private static boolean sameLine(String a, String e) {
        int sa = a.indexOf(' ');
        int se = e.indexOf(' ');
        if (sa < 0 || se < 0 || !a.substring(0, sa).equals(e.substring(0, se))) {
            return false;
        }
        JsonNode ja = WireJson.MAPPER.readTree(a.substring(sa + 1));
        JsonNode je = WireJson.MAPPER.readTree(e.substring(se + 1));
        return ja.equals(je);
    }
}
