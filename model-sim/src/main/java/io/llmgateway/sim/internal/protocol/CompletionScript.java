package io.llmgateway.sim.internal.protocol;

import java.util.List;

/** Everything a response will contain, decided up front so streamed and non-streamed output and usage agree. */
public record CompletionScript(String model, int promptTokens, List<ScriptedChoice> choices) {
    public CompletionScript {
        choices = List.copyOf(choices);
    }

    public int[] lengths() {
        return choices.stream().mapToInt(ScriptedChoice::length).toArray();
    }

    public int completionTokens() {
        return choices.stream().mapToInt(ScriptedChoice::length).sum();
    }

    /** Tokens produced by step {@code step} across choices (choices that are already finished produce none). */
    public int tokensAtStep(int step) {
        int n = 0;
        for (ScriptedChoice c : choices) {
            if (c.length() > step) {
                n++;
            }
        }
        return n;
    }
}
