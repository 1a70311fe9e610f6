package io.llmgateway.sim.internal.protocol;

import java.util.List;

/**
 * One choice of a response, fully decided before streaming starts: its token texts (for a tool call, the
 * argument fragments), finish reason and, for a tool call, id and function name. A tool call's first
 * token step carries the call header (id, name); each later step carries one argument fragment.
 */
public record ScriptedChoice(int index, List<String> tokens, String finishReason, String toolCallId, String toolName) {
    public ScriptedChoice {
        tokens = List.copyOf(tokens);
    }

    public static ScriptedChoice text(int index, List<String> tokens, String finishReason) {
        return new ScriptedChoice(index, tokens, finishReason, null, null);
    }

    public boolean isToolCall() {
        return toolName != null;
    }

    /** Token steps this choice takes. */
    public int length() {
        return tokens.size() + (isToolCall() ? 1 : 0);
    }

    /** The text (or tool arguments) produced by the first {@code steps} token steps. */
    public String textUpTo(int steps) {
        int n = Math.max(0, Math.min(tokens.size(), isToolCall() ? steps - 1 : steps));
        return String.join("", tokens.subList(0, n));
    }

    /** Text of token step {@code step} (for a tool call: the argument fragment; "" for the header step). */
    public String tokenAt(int step) {
        if (isToolCall()) {
            return step == 0 ? "" : tokens.get(step - 1);
        }
        return tokens.get(step);
    }
}
