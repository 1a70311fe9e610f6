package io.llmgateway.gateway.admission;

import io.llmgateway.policy.Deployment;
import io.llmgateway.policy.Price;
import io.llmgateway.policy.cost.RequestCost;
import java.util.List;

/**
 * The cost reserved against the budget at admission: the most expensive candidate's token price for
 * the estimated prompt and the full {@code max_tokens}. Self-hosted deployments are priced by GPU time,
 * known only afterwards, so they reserve nothing; the real cost is booked when the request ends.
 */
final class CostEstimate {

    private CostEstimate() {
    }

    static double of(List<Deployment> candidates, long promptTokens, long maxTokens) {
        double max = 0;
        for (Deployment d : candidates) {
            Price p = d.profile().price();
            if (p != null) {
                max = Math.max(max, RequestCost.api(p.inputPer1m(), p.outputPer1m(), p.cachedInputPer1m(), promptTokens, 0, maxTokens));
            }
        }
        return max;
    }
}
