package io.llmgateway.adapter.schema;

import java.util.Locale;

/** OpenAI's finish reasons, and the reading of the non-standard ones OpenAI-compatible servers send. */
public enum FinishReason {
    STOP("stop"),
    LENGTH("length"),
    TOOL_CALLS("tool_calls"),
    CONTENT_FILTER("content_filter");

    private final String wire;

    FinishReason(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /**
     * A finish reason as an OpenAI client expects it: the standard values (and {@code function_call})
     * unchanged, engine dialects ({@code eos_token}, {@code stop_sequence}, {@code max_tokens},
     * {@code tool_use}...) mapped, anything else unchanged. Null stays null.
     */
    public static String normalise(String reason) {
        if (reason == null) {
            return null;
        }
        return switch (reason.toLowerCase(Locale.ROOT)) {
            case "stop", "length", "tool_calls", "content_filter", "function_call" -> reason;
            case "eos", "eos_token", "stop_sequence", "end_turn", "end" -> STOP.wire;
            case "max_tokens", "max_length", "max_new_tokens", "model_length" -> LENGTH.wire;
            case "tool_use", "tool_call", "tools" -> TOOL_CALLS.wire;
            default -> reason;
        };
    }
}
