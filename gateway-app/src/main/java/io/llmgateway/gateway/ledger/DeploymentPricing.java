package io.llmgateway.gateway.ledger;

import io.llmgateway.policy.Deployment;
import io.llmgateway.policy.Policy;
import io.llmgateway.policy.Pool;
import io.llmgateway.policy.Price;

/**
 * The prices that apply to one deployment: API token prices ({@code price}), or for self-hosted
 * deployments its GPUs and its pool's GPU-hour cost. Zero where the policy gives none.
 */
record DeploymentPricing(double inputPer1M, double outputPer1M, double cachedInputPer1M, int gpus, double gpuHourCost) {

    /** Self-hosted pricing applies when the deployment has no token price but GPUs with a cost. */
    boolean selfHosted() {
        return inputPer1M <= 0 && outputPer1M <= 0 && gpus > 0 && gpuHourCost > 0;
    }

    static DeploymentPricing of(Policy policy, Deployment d) {
        Price price = d.profile().price();
        Pool pool = policy.poolOf(d);
        double gpuHour = pool != null && pool.hasGpuHourCost() ? pool.gpuHourCost() : 0;
        if (price == null) {
            return new DeploymentPricing(0, 0, 0, d.profile().gpus(), gpuHour);
        }
        return new DeploymentPricing(price.inputPer1m(), price.outputPer1m(), price.cachedInputPer1m(), d.profile().gpus(), gpuHour);
    }
}
