package io.llmgateway.sim.replay;

/**
 * One request of a trace: when it arrived and how many tokens it carried. Traces have no text.
 *
 * @param index        position in the trace after sorting by arrival (0-based); seeds derive from it
 * @param arrivalMs    arrival, milliseconds after the trace's first request
 * @param epochMillis  arrival as wall-clock time (for time-of-day rules)
 * @param promptTokens prompt tokens (Azure {@code ContextTokens}, Mooncake {@code input_length})
 * @param outputTokens generated tokens (Azure {@code GeneratedTokens}, Mooncake {@code output_length})
 */
public record TraceRequest(int index, double arrivalMs, long epochMillis, int promptTokens, int outputTokens) {

    public TraceRequest {
        if (index < 0 || !(arrivalMs >= 0) || promptTokens < 1 || outputTokens < 1) {
            throw new IllegalArgumentException("bad trace request #" + index + ": arrival " + arrivalMs + " ms, "
                    + promptTokens + " prompt tokens, " + outputTokens + " output tokens (tokens must be >= 1)");
        }
    }
}
