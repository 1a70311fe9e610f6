package io.llmgateway.policy.live;

/**
 * What one deployment's latency tracker knows, immutable. EWMAs react within a few responses;
 * percentiles cover the last one to two minutes. NaN = not measured yet.
 *
 * @param samples      responses observed
 * @param ttftMs       EWMA of time to first token (streams only)
 * @param tpotMs       EWMA of time per output token after the first (streams only)
 * @param totalMs      EWMA of total time of an exchange
 * @param outputTokens EWMA of completion tokens per response
 * @param ttft         time-to-first-token percentiles
 * @param total        total-time percentiles
 */
public record LatencyEstimate(long samples, double ttftMs, double tpotMs, double totalMs, double outputTokens,
                              Percentiles ttft, Percentiles total) {

    public static final LatencyEstimate NONE = new LatencyEstimate(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Percentiles.NONE, Percentiles.NONE);
}
