package io.llmgateway.gateway.proxy;

import io.llmgateway.policy.DataClass;
import io.llmgateway.policy.Deployment;
import io.llmgateway.policy.Policy;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The executor's own check of the data-class rule: the request's effective class (set on the call by
 * routing) must allow the deployment's zone. A class the running policy does not know fails closed.
 * A call with no class set (routing did not classify it) is left to the planner's decision.
 */
public final class DataClassZoneCheck implements ZoneCheck {

    private final Supplier<Policy> policy;

    public DataClassZoneCheck(Supplier<Policy> policy) {
        this.policy = policy;
    }

    @Override
    public String refusal(CallContext call, Deployment deployment) {
        String id = call.dataClass();
        if (id == null) {
            return null;
        }
        Optional<DataClass> dc = policy.get().dataClasses().byId(id);
        if (dc.isEmpty()) {
            return "data class '" + id + "' is unknown to the running policy; deployment '" + deployment.id() + "' refused";
        }
        if (!dc.get().allows(deployment.zone())) {
            return "deployment '" + deployment.id() + "' is in the " + deployment.zone().id()
                    + " zone, which data class '" + id + "' may not reach";
        }
        return null;
    }
}
