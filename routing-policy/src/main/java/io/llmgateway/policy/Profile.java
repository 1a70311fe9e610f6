package io.llmgateway.policy;

import java.net.URI;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a deployment can serve, how much, and what it costs: the inputs of the planner's hard
 * constraints and strategies.
 *
 * @param contextWindow  tokens (prompt + output); 0 = unknown, not checked
 * @param capabilities   what it can do; when the policy does not list them, every capability (not checked)
 * @param capabilitiesDeclared whether the policy listed the capabilities
 * @param maxConcurrency requests in flight at once before it counts as saturated; 0 = unlimited
 * @param gpus           GPUs it occupies (self-hosted cost = gpus x pool gpu-hour-cost / measured throughput)
 * @param price          per-token price (APIs); null if none
 * @param metricsUrl     vLLM-style {@code /metrics} endpoint to scrape for load; null if none
 * @param weight         share for the {@code weighted} strategy (0 = never chosen by it)
 */
public record Profile(
        int contextWindow,
        Set<Capability> capabilities,
        boolean capabilitiesDeclared,
        int maxConcurrency,
        int gpus,
        Price price,
        URI metricsUrl,
        int weight) {

    public static final Profile DEFAULTS = new Profile(0, EnumSet.allOf(Capability.class), false, 0, 1, null, null, 1);

    public Profile {
        capabilities = capabilities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(capabilities));
    }
}
