package io.llmgateway.adapter.schema;

/**
 * One OpenAI streaming event, ready to be framed as {@code data: <json>\n\n}.
 *
 * @param json  the event payload
 * @param kind  what it carries
 * @param usage the usage it reports, or null
 */
public record OpenAiChunk(String json, Kind kind, Usage usage) {

    public enum Kind {
        /** A normal {@code chat.completion.chunk} / {@code text_completion} event. */
        DELTA,
        /** The trailing usage-only event ({@code "choices":[]}), sent only if the client asked for it. */
        USAGE_ONLY,
        /** An error event; the stream ends after it. */
        ERROR
    }

    public static OpenAiChunk delta(String json) {
        return new OpenAiChunk(json, Kind.DELTA, null);
    }
}
