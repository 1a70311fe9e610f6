package io.llmgateway.gateway.sensitivity;

import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.gateway.routing.RouteDecision;
import io.llmgateway.gateway.routing.RouteErrors;
import io.llmgateway.policy.DataClass;
import io.llmgateway.policy.Zone;
import io.llmgateway.policy.route.RejectReason;
import io.llmgateway.policy.route.RoutePlan;

/**
 * The fail-closed answer when the private deployments a request was planned on all fail at execution
 * (down, overloaded, circuit opened, saturated, timed out) and its data class kept it from the external ones
 * the plan ruled out: a 503 {@code data_class_requires_private_backend} naming the class, like the planner's
 * own when no private candidate was left. The request never falls through to an external deployment; this
 * only says why it failed. Other errors (a 400 from the upstream, a failure after the first byte) pass.
 */
public final class FailClosedErrors {

    private FailClosedErrors() {
    }

    public static GatewayException map(GatewayException e, RouteDecision decision) {
        DataClass dc = decision.facts().dataClass();
        if (dc.allows(Zone.EXTERNAL) || !zoneRuledOut(decision.plan())
                || !(e.retryable() || e.kind() == ErrorKind.NO_BACKEND) || RouteErrors.DATA_CLASS_REQUIRES_PRIVATE.equals(e.code())) {
            return e;
        }
        return GatewayException.builder(ErrorKind.NO_BACKEND, "The request's data class '" + dc.id()
                        + "' requires a private backend, and none that may serve '" + decision.facts().alias()
                        + "' is available (the private deployments failed: " + e.code() + ").")
                .code(RouteErrors.DATA_CLASS_REQUIRES_PRIVATE).retryAfter(e.retryAfter()).build();
    }

    private static boolean zoneRuledOut(RoutePlan plan) {
        for (RoutePlan.Rejection r : plan.rejected()) {
            if (r.code() == RejectReason.ZONE_NOT_ALLOWED) {
                return true;
            }
        }
        return false;
    }
}
