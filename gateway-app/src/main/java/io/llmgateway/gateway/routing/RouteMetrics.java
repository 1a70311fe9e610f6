package io.llmgateway.gateway.routing;

import io.llmgateway.policy.route.RoutePlan;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Routing decisions as metrics, with cardinality bounded by the policy: {@code gateway.route.decisions}
 * (tags {@code rule} = rule name or alias, {@code outcome} = plan outcome) and
 * {@code gateway.route.rejections} (tags {@code reason} = reject code, {@code deployment}).
 */
public final class RouteMetrics {

    private final MeterRegistry registry;

    public RouteMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void decided(RoutePlan plan) {
        String rule = plan.outcome() == io.llmgateway.policy.route.PlanOutcome.UNKNOWN_MODEL ? "other" : plan.route();
        registry.counter("gateway.route.decisions", "rule", rule, "outcome", plan.outcome().name().toLowerCase(java.util.Locale.ROOT))
                .increment();
        for (RoutePlan.Rejection r : plan.rejected()) {
            registry.counter("gateway.route.rejections", "reason", r.code().id(), "deployment", r.deploymentId()).increment();
        }
    }
}
