package io.llmgateway.gateway.routing;

import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.policy.App;
import io.llmgateway.policy.DataClass;
import io.llmgateway.policy.DataClasses;
import io.llmgateway.policy.Policy;

/**
 * The effective data class of a request: the most sensitive of the app's floor, the class the client
 * declared in {@code x-data-class}, the class the classifier's findings imply, and the policy's default.
 * A client can raise its class, never lower it below what the others say. An unknown declared class is a 400.
 */
public final class DataClassResolver {

    public static final String HEADER = "x-data-class";

    public DataClassDecision resolve(Policy policy, App app, String declaredHeader, Detection detection) {
        DataClasses classes = policy.dataClasses();
        DataClass declared = null;
        if (declaredHeader != null) {
            String id = declaredHeader.strip();
            declared = classes.byId(id).orElseThrow(() -> GatewayException.builder(ErrorKind.INVALID_REQUEST,
                    "Unknown data class '" + (id.length() > 64 ? id.substring(0, 64) + "..." : id) + "' in " + HEADER
                            + " (known: " + String.join(", ", classes.ids()) + ").").code("invalid_data_class").build());
        }
        DataClass floor = app.floor();
        if (classes.byId(floor.id()).isEmpty()) {
            floor = classes.lowest(); // an app built outside the loader
        }
        DataClass detected = detection.dataClass();
        DataClass fallback = classes.defaultClass();
        DataClass effective = fallback;
        String source = "default";
        if (floor.rank() > effective.rank()) {
            effective = floor;
            source = "floor";
        }
        if (declared != null && declared.rank() > effective.rank()) {
            effective = declared;
            source = "header";
        }
        if (detected != null && detected.rank() > effective.rank()) {
            effective = detected;
            source = detection.incomplete() ? "scan_incomplete" : "findings";
        }
        return new DataClassDecision(effective, source, floor, declared, detected, fallback);
    }
}
