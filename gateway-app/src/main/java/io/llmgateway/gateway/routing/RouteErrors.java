package io.llmgateway.gateway.routing;

import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.policy.route.RejectReason;
import io.llmgateway.policy.route.RoutePlan;

/** A plan without candidates -> the error the client gets. */
public final class RouteErrors {

    /** The code of the 503 a request gets when its data class forbids every zone that could serve it. */
    public static final String DATA_CLASS_REQUIRES_PRIVATE = "data_class_requires_private_backend";

    private RouteErrors() {
    }

    public static GatewayException of(RoutePlan plan) {
        return switch (plan.outcome()) {
            case DATA_CLASS_ZONE -> GatewayException.builder(ErrorKind.NO_BACKEND, plan.message())
                    .code(DATA_CLASS_REQUIRES_PRIVATE).definitive(!momentary(plan)).build();
            case REFUSED_BY_RULE -> GatewayException.builder(ErrorKind.PERMISSION_DENIED, plan.message())
                    .code("refused_by_policy").build();
            case APP_NOT_ALLOWED -> GatewayException.builder(ErrorKind.PERMISSION_DENIED, plan.message()).param("model").build();
            case UNKNOWN_MODEL -> GatewayException.builder(ErrorKind.MODEL_NOT_FOUND, plan.message()).param("model").build();
            case NO_CANDIDATE -> GatewayException.builder(ErrorKind.NO_BACKEND, noBackend(plan)).definitive(!momentary(plan)).build();
            case ROUTED -> GatewayException.of(ErrorKind.NO_BACKEND, noBackend(plan));
        };
    }

    private static String noBackend(RoutePlan plan) {
        return plan.message().isEmpty() ? "No deployment can serve this model right now." : plan.message();
    }

    /**
     * Whether a deployment was ruled out for its state at this moment (circuit open, saturated), so the
     * same request may be served a little later. Otherwise every deployment was ruled out by the policy
     * and the request itself (zone, context window, capability, rule), and a retry gets the same refusal.
     */
    static boolean momentary(RoutePlan plan) {
        for (RoutePlan.Rejection r : plan.rejected()) {
            if (r.code() == RejectReason.CIRCUIT_OPEN || r.code() == RejectReason.SATURATED) {
                return true;
            }
        }
        return false;
    }
}
