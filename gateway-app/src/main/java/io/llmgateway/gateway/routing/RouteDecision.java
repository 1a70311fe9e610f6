package io.llmgateway.gateway.routing;

import io.llmgateway.policy.route.RequestFacts;
import io.llmgateway.policy.route.RoutePlan;

/**
 * One request's routing decision: the facts planned on, how its data class was decided, and the plan.
 */
public record RouteDecision(RequestFacts facts, DataClassDecision dataClass, RoutePlan plan) {
}
