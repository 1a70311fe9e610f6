package io.llmgateway.gateway.routing;

import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
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
                    .code(DATA_CLASS_REQUIRES_PRIVATE).build();
            case REFUSED_BY_RULE -> GatewayException.builder(ErrorKind.PERMISSION_DENIED, plan.message())
                    .code("refused_by_policy").build();
            case APP_NOT_ALLOWED -> GatewayException.builder(ErrorKind.PERMISSION_DENIED, plan.message()).param("model").build();
            case UNKNOWN_MODEL -> GatewayException.builder(ErrorKind.MODEL_NOT_FOUND, plan.message()).param("model").build();
            case NO_CANDIDATE, ROUTED -> GatewayException.of(ErrorKind.NO_BACKEND, plan.message().isEmpty()
                    ? "No deployment can serve this model right now." : plan.message());
        };
    }
}
