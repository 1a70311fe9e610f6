package io.llmgateway.adapter.client;

import io.llmgateway.adapter.StreamFraming;
import io.llmgateway.adapter.StreamTranslator;
import io.llmgateway.adapter.schema.OpenAiChunk;
import io.llmgateway.adapter.schema.UpstreamEvent;
import io.llmgateway.adapter.sse.LineSplitter;
import io.llmgateway.adapter.sse.SseDecoder;
import java.util.ArrayList;
import java.util.List;

/** Bytes of an upstream stream -> events (SSE or NDJSON) -> translated OpenAI chunks. One per stream. */
abstract class EventDecoder {

    static EventDecoder of(StreamFraming framing, int maxEventBytes) {
        return framing == StreamFraming.SSE ? new Sse(maxEventBytes) : new Ndjson(maxEventBytes);
    }

    abstract List<OpenAiChunk> decode(byte[] bytes, StreamTranslator translator);

    abstract List<OpenAiChunk> finish(StreamTranslator translator);

    private static final class Sse extends EventDecoder {
        private final SseDecoder decoder;

        Sse(int max) {
            decoder = new SseDecoder(max);
        }

        @Override
        List<OpenAiChunk> decode(byte[] bytes, StreamTranslator translator) {
            List<OpenAiChunk> out = new ArrayList<>(2);
            decoder.feed(bytes, e -> out.addAll(translator.onEvent(e)));
            return out;
        }

        @Override
        List<OpenAiChunk> finish(StreamTranslator translator) {
            List<OpenAiChunk> out = new ArrayList<>(1);
            decoder.finish(e -> out.addAll(translator.onEvent(e)));
            return out;
        }
    }

    private static final class Ndjson extends EventDecoder {
        private final LineSplitter lines;

        Ndjson(int max) {
            lines = new LineSplitter(max);
        }

        @Override
        List<OpenAiChunk> decode(byte[] bytes, StreamTranslator translator) {
            List<OpenAiChunk> out = new ArrayList<>(2);
            lines.feed(bytes, line -> {
                if (!line.isBlank()) {
                    out.addAll(translator.onEvent(UpstreamEvent.line(line)));
                }
            });
            return out;
        }

        @Override
        List<OpenAiChunk> finish(StreamTranslator translator) {
            String rest = lines.finish();
            return rest == null || rest.isBlank() ? List.of() : translator.onEvent(UpstreamEvent.line(rest));
        }
    }
}
