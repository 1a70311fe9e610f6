package io.llmgateway.sim.internal.engine;

import java.util.Arrays;

/**
 * What the engine must schedule for one HTTP request: a prompt to prefill and one or more choices to
 * decode. Choice {@code i} produces {@code choiceLengths[i]} tokens; an embedding request has no choices.
 *
 * @param model         served model name (for per-model load metrics)
 * @param promptTokens  tokens to prefill
 * @param choiceLengths tokens to decode per choice
 * @param seed          seed for sampled latencies (closed-API engine)
 */
public record EngineRequest(String model, int promptTokens, int[] choiceLengths, long seed) {
    public EngineRequest {
        if (promptTokens < 1) {
            throw new IllegalArgumentException("promptTokens must be >= 1, was " + promptTokens);
        }
        choiceLengths = choiceLengths.clone();
        for (int len : choiceLengths) {
            if (len < 0) {
                throw new IllegalArgumentException("choice lengths must be >= 0, was " + Arrays.toString(choiceLengths));
            }
        }
    }

    /** Longest choice: the number of token steps the request lasts. */
    public int steps() {
        return Arrays.stream(choiceLengths).max().orElse(0);
    }

    /** Sum of all choice lengths. */
    public long completionTokens() {
        return Arrays.stream(choiceLengths).asLongStream().sum();
    }

    /** Batch slots taken while running: one per choice, at least one (for prefill-only requests). */
    public int sequences() {
        return Math.max(1, choiceLengths.length);
    }

    /** Choices still producing a token at step {@code step} (0-based). */
    public int activeChoicesAt(int step) {
        int n = 0;
        for (int len : choiceLengths) {
            if (len > step) {
                n++;
            }
        }
        return n;
    }

    /** KV-cache tokens the request needs at its peak: prompt plus every completion token. */
    public long kvReservation() {
        return promptTokens + completionTokens();
    }
}
