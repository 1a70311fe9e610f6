package io.llmgateway.policy;

/**
 * Per-token price of an API deployment, USD per million tokens.
 *
 * @param inputPer1m       prompt tokens
 * @param outputPer1m      completion tokens
 * @param cachedInputPer1m cached prompt tokens (defaults to {@code inputPer1m})
 */
public record Price(double inputPer1m, double outputPer1m, double cachedInputPer1m) {

    /** Expected cost in USD of a request with these token counts. */
    public double cost(long inputTokens, long outputTokens) {
        return (inputTokens * inputPer1m + outputTokens * outputPer1m) / 1_000_000.0;
    }
}
