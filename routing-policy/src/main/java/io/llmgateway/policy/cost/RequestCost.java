package io.llmgateway.policy.cost;

/**
 * USD cost of one request. Pure arithmetic, no I/O; callers pass the policy's prices and the
 * request's usage.
 * <ul>
 *   <li>API deployments: tokens times the per-million price ({@code price.input-per-1m},
 *       {@code output-per-1m}, {@code cached-input-per-1m}; cached prompt tokens are part of the prompt
 *       tokens and billed at the cached price when one is given).</li>
 *   <li>Self-hosted deployments: the GPU time the request used,
 *       {@code gpus * gpu-hour-cost / 3600 * tokens / throughput}, where throughput (tokens per second
 *       of the whole deployment) is measured. Under batching the deployment's throughput is far above
 *       one request's own speed, so each request pays its share, not the whole GPU.</li>
 * </ul>
 */
public final class RequestCost {

    private static final double MILLION = 1_000_000.0;

    private RequestCost() {
    }

    /** Cost at API prices (USD per million tokens; a negative or NaN price counts as 0). */
    public static double api(double inputPer1M, double outputPer1M, double cachedInputPer1M,
                             long promptTokens, long cachedPromptTokens, long completionTokens) {
        long cached = Math.max(0, Math.min(cachedPromptTokens, promptTokens));
        double cachedPrice = cachedInputPer1M > 0 ? cachedInputPer1M : inputPer1M;
        return (nonNegative(inputPer1M) * (Math.max(0, promptTokens) - cached)
                + nonNegative(cachedPrice) * cached
                + nonNegative(outputPer1M) * Math.max(0, completionTokens)) / MILLION;
    }

    /**
     * Cost of the GPU time a request used on a self-hosted deployment.
     *
     * @param gpus             GPUs the deployment occupies
     * @param gpuHourCost      USD per GPU-hour of its pool
     * @param tokens           tokens the request processed (prompt + completion)
     * @param tokensPerSecond  measured throughput of the deployment (all requests together); 0 or less = unknown, cost 0
     */
    public static double selfHosted(int gpus, double gpuHourCost, long tokens, double tokensPerSecond) {
        if (gpus <= 0 || !(gpuHourCost > 0) || tokens <= 0 || !(tokensPerSecond > 0)) {
            return 0;
        }
        return gpus * gpuHourCost / 3600.0 * tokens / tokensPerSecond;
    }

    private static double nonNegative(double v) {
        return v > 0 ? v : 0;
    }
}
