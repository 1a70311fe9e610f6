package io.llmgateway.policy.route;

import io.llmgateway.policy.Deployment;
import java.util.List;

/**
 * The planner's decision: the deployments to try, in order, each with why it was chosen, and every
 * deployment considered but rejected, with why.
 *
 * @param rule       name of the rule that decided (the alias itself when no rule matched)
 * @param candidates deployments to try in order; empty means the request cannot be served
 * @param rejected   deployments ruled out, with the reason
 */
public record RoutePlan(String rule, List<Candidate> candidates, List<Rejection> rejected) {

    public RoutePlan {
        candidates = List.copyOf(candidates);
        rejected = List.copyOf(rejected);
    }

    public record Candidate(Deployment deployment, String reason) {
    }

    public record Rejection(String deploymentId, String reason) {
    }
}
