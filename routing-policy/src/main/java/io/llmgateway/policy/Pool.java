package io.llmgateway.policy;

import java.util.Objects;

/**
 * A GPU pool or provider group; its deployments inherit its zone.
 *
 * @param id          pool id ({@code a100}, {@code openai})
 * @param zone        private or external
 * @param gpu         GPU type, informative ({@code A100-80G}); null if not given
 * @param gpuHourCost USD per GPU-hour for the self-hosted cost model; NaN if not given
 * @param declared    false for a pool implied by deployments when the policy has no {@code pools} section
 */
public record Pool(String id, Zone zone, String gpu, double gpuHourCost, boolean declared) {

    public Pool {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(zone, "zone");
    }

    public boolean hasGpuHourCost() {
        return !Double.isNaN(gpuHourCost);
    }
}
