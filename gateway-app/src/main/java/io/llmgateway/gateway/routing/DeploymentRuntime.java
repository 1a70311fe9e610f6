package io.llmgateway.gateway.routing;

import io.llmgateway.adapter.UpstreamTarget;
import io.llmgateway.adapter.WireAdapter;
import io.llmgateway.policy.Deployment;

/** A deployment compiled for execution: its policy entry, the adapter for its wire API, and its target. */
public record DeploymentRuntime(Deployment deployment, WireAdapter adapter, UpstreamTarget target) {

    public String id() {
        return deployment.id();
    }
}
