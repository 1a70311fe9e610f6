package io.llmgateway.gateway.proxy;

import io.llmgateway.gateway.routing.DeploymentRuntime;
import io.llmgateway.policy.Policy;
import io.llmgateway.policy.Priority;
import io.llmgateway.policy.rule.Rule;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to execute one request: the plan's candidates in order, the app's priority class (used when a
 * deployment is saturated), and the hedge delay of a latency-critical rule.
 *
 * @param candidates deployments to try, in order
 * @param priority   interactive or batch
 * @param hedgeAfter start the second candidate if the first has no first token after this; null = no hedging
 */
public record Execution(List<DeploymentRuntime> candidates, Priority priority, Duration hedgeAfter) {

    public Execution {
        candidates = List.copyOf(candidates);
        Objects.requireNonNull(priority, "priority");
        if (hedgeAfter != null && (hedgeAfter.isNegative() || hedgeAfter.isZero())) {
            throw new IllegalArgumentException("hedgeAfter must be positive, got " + hedgeAfter);
        }
    }

    public static Execution of(List<DeploymentRuntime> candidates) {
        return new Execution(candidates, Priority.INTERACTIVE, null);
    }

    /**
     * The execution of a plan: the app's priority, and the hedge delay of the rule that decided (by
     * name in the running policy), if it has one.
     */
    public static Execution of(List<DeploymentRuntime> candidates, Priority priority, Policy policy, String ruleName) {
        Duration hedge = null;
        if (ruleName != null) {
            for (Rule r : policy.rules()) {
                if (r.name().equals(ruleName) && r.route() != null) {
                    hedge = r.route().hedgeAfter();
                }
            }
        }
        return new Execution(candidates, priority, hedge);
    }

    boolean hedged() {
        return hedgeAfter != null && candidates.size() >= 2;
    }
}
