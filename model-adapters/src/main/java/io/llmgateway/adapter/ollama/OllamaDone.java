package io.llmgateway.adapter.ollama;

import io.llmgateway.adapter.schema.FinishReason;
import io.llmgateway.adapter.schema.Usage;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;

/**
 * What Ollama's final ({@code "done":true}) object says: why generation stopped ({@code done_reason}:
 * {@code stop}, {@code length}, {@code load}...; Ollama says {@code stop} after tool calls too) and the
 * token counts ({@code prompt_eval_count}, {@code eval_count}); and the {@code created_at} time.
 */
final class OllamaDone {

    private OllamaDone() {
    }

    static String finishReason(JsonNode done, boolean toolCalls) {
        if ("length".equals(done.path("done_reason").asString(""))) {
            return FinishReason.LENGTH.wire();
        }
        return toolCalls ? FinishReason.TOOL_CALLS.wire() : FinishReason.STOP.wire();
    }

    static Usage usage(JsonNode done) {
        return Usage.reported(Math.max(0, done.path("prompt_eval_count").asLong(0)), Math.max(0, done.path("eval_count").asLong(0)), 0);
    }

    /** {@code created_at} in Unix seconds, or {@code fallback} if absent or unreadable. */
    static long created(JsonNode event, long fallback) {
        String at = event.path("created_at").asString("");
        try {
            return at.isEmpty() ? fallback : OffsetDateTime.parse(at).toEpochSecond();
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
