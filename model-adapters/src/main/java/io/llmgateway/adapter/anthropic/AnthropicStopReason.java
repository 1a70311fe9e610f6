package io.llmgateway.adapter.anthropic;

import io.llmgateway.adapter.schema.FinishReason;

/** Anthropic {@code stop_reason} -> OpenAI {@code finish_reason}. */
final class AnthropicStopReason {

    private AnthropicStopReason() {
    }

    static String finishReason(String stopReason) {
        if (stopReason == null) {
            return FinishReason.STOP.wire();
        }
        return switch (stopReason) {
            case "max_tokens", "model_context_window_exceeded" -> FinishReason.LENGTH.wire();
            case "tool_use" -> FinishReason.TOOL_CALLS.wire();
            case "refusal" -> FinishReason.CONTENT_FILTER.wire();
            default -> FinishReason.STOP.wire(); // end_turn, stop_sequence, pause_turn
        };
    }
}
