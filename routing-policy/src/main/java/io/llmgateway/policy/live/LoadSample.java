package io.llmgateway.policy.live;

/**
 * Load scraped from an engine's {@code /metrics} (vLLM or SGLang gauges).
 *
 * @param running      requests in the running batch
 * @param waiting      requests queued in the engine
 * @param kvCacheUsage KV-cache usage 0..1; NaN if not reported
 * @param atMillis     when it was scraped (epoch ms)
 */
public record LoadSample(double running, double waiting, double kvCacheUsage, long atMillis) {
}
