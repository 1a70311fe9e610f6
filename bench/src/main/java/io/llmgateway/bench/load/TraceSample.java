package io.llmgateway.bench.load;

/**
 * One request shape drawn from a trace: the prompt and output lengths to send (after the caps) and the
 * lengths the trace recorded.
 *
 * @param promptTokens  prompt tokens the synthesized prompt aims at
 * @param outputTokens  output tokens requested exactly ({@code max_tokens} = {@code min_tokens}, {@code ignore_eos})
 * @param tracePrompt   the trace's prompt length before the cap
 * @param traceOutput   the trace's output length before the cap
 */
public record TraceSample(int promptTokens, int outputTokens, int tracePrompt, int traceOutput) {

    public TraceSample {
        if (promptTokens < 1 || outputTokens < 1) {
            throw new IllegalArgumentException("a sample needs at least one prompt and one output token, got "
                    + promptTokens + "/" + outputTokens);
        }
    }

    /** The trace's lengths capped to at most {@code maxPrompt} / {@code maxOutput}, at least 1 each. */
    static TraceSample capped(int prompt, int output, int maxPrompt, int maxOutput) {
        return new TraceSample(Math.max(1, Math.min(prompt, maxPrompt)), Math.max(1, Math.min(output, maxOutput)),
                prompt, output);
    }
}
