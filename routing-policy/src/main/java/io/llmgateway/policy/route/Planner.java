package io.llmgateway.policy.route;

import io.llmgateway.policy.Deployment;
import io.llmgateway.policy.Policy;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns request facts into a route plan. Pure: same policy and facts, same plan; no I/O.
 * The caller has already checked that the alias exists and the app may use it.
 */
public final class Planner {

    public RoutePlan plan(Policy policy, RequestFacts facts) {
        List<String> ids = policy.alias(facts.alias()).orElse(List.of());
        List<RoutePlan.Candidate> candidates = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            Deployment d = policy.deployments().get(ids.get(i));
            candidates.add(new RoutePlan.Candidate(d, i == 0 ? "first in alias" : "fallback #" + i + " in alias"));
        }
        return new RoutePlan(facts.alias(), candidates, List.of());
    }
}
