package io.llmgateway.policy.route;

import io.llmgateway.policy.Deployment;
import io.llmgateway.policy.Pool;
import io.llmgateway.policy.Price;
import io.llmgateway.policy.live.DeploymentLive;

/**
 * Expected cost of one request on one deployment, in USD.
 *
 * <ul>
 *   <li>With a {@code price} (APIs): prompt tokens x input price + expected output tokens x output price.</li>
 *   <li>Self-hosted, with its pool's {@code gpu-hour-cost}: the deployment's GPU cost per second
 *       ({@code gpus x gpu-hour-cost / 3600}) x expected output tokens / its measured output throughput
 *       (tokens per second, recent peak). Before any throughput is measured the cost is unknown and the
 *       deployment counts as <em>unmeasured</em>.</li>
 *   <li>Otherwise unknown (NaN).</li>
 * </ul>
 * Expected output tokens: the deployment's EWMA of completion tokens, capped by {@code max_tokens};
 * {@code max_tokens} when unmeasured; {@value #DEFAULT_OUTPUT_TOKENS} when neither is known; 0 for embeddings.
 */
final class CostModel {

    static final int DEFAULT_OUTPUT_TOKENS = 256;

    private CostModel() {
    }

    static double outputTokens(RequestFacts f, DeploymentLive live) {
        if ("embeddings".equals(f.operation())) {
            return 0;
        }
        double ewma = live.latency().outputTokens();
        if (f.maxTokens() > 0) {
            return Double.isNaN(ewma) ? f.maxTokens() : Math.min(f.maxTokens(), ewma);
        }
        return Double.isNaN(ewma) ? DEFAULT_OUTPUT_TOKENS : ewma;
    }

    static double cost(Deployment d, Pool pool, RequestFacts f, DeploymentLive live, double outputTokens) {
        Price price = d.profile().price();
        if (price != null) {
            return price.cost(f.estimatedPromptTokens(), Math.round(outputTokens));
        }
        if (pool != null && pool.hasGpuHourCost() && live.outputTokensPerSecond() > 0) {
            double perSecond = d.profile().gpus() * pool.gpuHourCost() / 3600.0;
            return perSecond * outputTokens / live.outputTokensPerSecond();
        }
        return Double.NaN;
    }

    /** Self-hosted with a GPU cost but no throughput measured yet. */
    static boolean unmeasured(Deployment d, Pool pool, DeploymentLive live) {
        return d.profile().price() == null && pool != null && pool.hasGpuHourCost() && live.outputTokensPerSecond() <= 0;
    }
}
