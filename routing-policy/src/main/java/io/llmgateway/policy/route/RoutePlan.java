package io.llmgateway.policy.route;

import io.llmgateway.policy.DataClass;
import io.llmgateway.policy.Deployment;
import io.llmgateway.policy.rule.Strategy;
import java.util.List;
import java.util.Objects;

/**
 * The planner's decision: the deployments to try, in order, each with why it was chosen, and every
 * deployment considered but rejected, with why.
 *
 * @param route      what {@code x-gateway-route} says: the rule name, or the alias when no rule matched
 * @param rule       the matched rule's name, or null
 * @param strategy   how the candidates were ordered
 * @param dataClass  the effective data class planned for
 * @param outcome    routed, or why not
 * @param message    a sentence for the client or the operator when not routed; empty when routed
 * @param candidates deployments to try in order; empty means the request cannot be served
 * @param rejected   deployments ruled out, with the reason
 */
public record RoutePlan(String route, String rule, Strategy strategy, DataClass dataClass, PlanOutcome outcome,
                        String message, List<Candidate> candidates, List<Rejection> rejected) {

    public RoutePlan {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(outcome, "outcome");
        candidates = List.copyOf(candidates);
        rejected = List.copyOf(rejected);
    }

    /**
     * @param deployment      the deployment
     * @param reason          why it is here, in this place
     * @param score           the strategy's sort key (lower first); NaN for fallbacks
     * @param expectedCostUsd expected cost of this request there; NaN if unknown
     * @param expectedTtftMs  expected time to first token (EWMA); NaN if unmeasured
     * @param fallback        whether it is a fallback of the rule rather than a target
     */
    public record Candidate(Deployment deployment, String reason, double score, double expectedCostUsd,
                            double expectedTtftMs, boolean fallback) {
    }

    /**
     * @param deploymentId the deployment
     * @param code         reason code (bounded, for metrics)
     * @param reason       the reason in words, with the numbers
     */
    public record Rejection(String deploymentId, RejectReason code, String reason) {
    }
}
