package io.llmgateway.policy.route;

import io.llmgateway.policy.Capability;
import io.llmgateway.policy.Deployment;
import io.llmgateway.policy.Profile;
import io.llmgateway.policy.live.CircuitState;
import io.llmgateway.policy.live.DeploymentLive;
import java.util.ArrayList;
import java.util.List;

/**
 * The hard constraints, applied to every deployment before any strategy, in this order: zone allowed for
 * the data class, context window, capabilities, circuit, saturation. The first one that fails is the reason.
 */
final class Constraints {

    private Constraints() {
    }

    /** The rejection of {@code d} for this request, or null if it may serve it. */
    static RoutePlan.Rejection check(Deployment d, RequestFacts f, DeploymentLive live) {
        if (!f.dataClass().allows(d.zone())) {
            return new RoutePlan.Rejection(d.id(), RejectReason.ZONE_NOT_ALLOWED, () -> "data class '" + f.dataClass().id()
                    + "' may not go to zone " + d.zone().id());
        }
        Profile p = d.profile();
        long needed = (long) f.estimatedPromptTokens() + f.maxTokens();
        if (p.contextWindow() > 0 && needed > p.contextWindow()) {
            return new RoutePlan.Rejection(d.id(), RejectReason.CONTEXT_TOO_SMALL, () -> "needs ~" + needed
                    + " tokens (prompt ~" + f.estimatedPromptTokens() + " + max_tokens " + f.maxTokens()
                    + "), context window " + p.contextWindow());
        }
        if (p.capabilitiesDeclared() && !p.capabilities().containsAll(f.capabilities())) {
            List<String> missing = new ArrayList<>();
            for (Capability c : Capability.values()) {
                if (f.capabilities().contains(c) && !p.capabilities().contains(c)) {
                    missing.add(c.id());
                }
            }
            return new RoutePlan.Rejection(d.id(), RejectReason.MISSING_CAPABILITY, "lacks " + String.join(", ", missing));
        }
        if (live.circuit() == CircuitState.OPEN) {
            return new RoutePlan.Rejection(d.id(), RejectReason.CIRCUIT_OPEN, "circuit open");
        }
        int max = live.maxConcurrency() > 0 ? live.maxConcurrency() : p.maxConcurrency();
        if (max > 0 && live.inFlight() >= max + d.resilience().maxQueue()) {
            int inFlight = live.inFlight();
            return new RoutePlan.Rejection(d.id(), RejectReason.SATURATED, () -> inFlight + " in flight, max-concurrency "
                    + max + (d.resilience().maxQueue() > 0 ? " + queue " + d.resilience().maxQueue() : ""));
        }
        return null;
    }
}
