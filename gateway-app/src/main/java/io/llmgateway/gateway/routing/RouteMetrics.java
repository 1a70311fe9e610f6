package io.llmgateway.gateway.routing;

import io.llmgateway.policy.route.PlanOutcome;
import io.llmgateway.policy.route.RejectReason;
import io.llmgateway.policy.route.RoutePlan;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Routing decisions as metrics, with cardinality bounded by the policy: {@code gateway.route.decisions}
 * (tags {@code rule} = rule name or alias, {@code outcome} = plan outcome) and
 * {@code gateway.route.rejections} (tags {@code reason} = reject code, {@code deployment}) for the
 * runtime reasons (zone, context, capability, circuit, saturation; the structural NOT_IN_RULE and
 * NOT_IN_ALIAS follow from the policy and are not counted). Counters are cached: the hot path does
 * one map lookup per counted item.
 */
public final class RouteMetrics {

    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();

    public RouteMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void decided(RoutePlan plan) {
        String rule = plan.outcome() == PlanOutcome.UNKNOWN_MODEL ? "other" : plan.route();
        String outcome = plan.outcome().name().toLowerCase(Locale.ROOT);
        counters.computeIfAbsent("d\u0000" + rule + "\u0000" + outcome,
                k -> registry.counter("gateway.route.decisions", "rule", rule, "outcome", outcome)).increment();
        for (RoutePlan.Rejection r : plan.rejected()) {
            RejectReason code = r.code();
            if (code == RejectReason.NOT_IN_RULE || code == RejectReason.NOT_IN_ALIAS) {
                continue;
            }
            String id = r.deploymentId();
            counters.computeIfAbsent("r\u0000" + code.id() + "\u0000" + id,
                    k -> registry.counter("gateway.route.rejections", "reason", code.id(), "deployment", id)).increment();
        }
    }
}
