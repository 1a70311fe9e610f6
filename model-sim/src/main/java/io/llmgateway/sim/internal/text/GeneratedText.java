package io.llmgateway.sim.internal.text;

import java.util.List;

/** Token texts of one generated choice and why generation stopped ({@code "stop"} or {@code "length"}). */
public record GeneratedText(List<String> tokens, String finishReason) {
    public GeneratedText {
        tokens = List.copyOf(tokens);
    }

    public String text() {
        return String.join("", tokens);
    }
}
