package io.llmgateway.policy.live;

import java.util.HashMap;
import java.util.Map;

/** The live state of every deployment at one instant, immutable: the planner's only view of the world. */
public final class LiveSnapshot {

    public static final LiveSnapshot EMPTY = new LiveSnapshot(Map.of());

    private final Map<String, DeploymentLive> deployments;

    private LiveSnapshot(Map<String, DeploymentLive> deployments) {
        this.deployments = deployments;
    }

    /** @param deployments by deployment id; copied */
    public static LiveSnapshot of(Map<String, DeploymentLive> deployments) {
        return new LiveSnapshot(Map.copyOf(deployments));
    }

    /** Takes ownership of a map the caller built for this snapshot alone and will not touch again (no copy). */
    static LiveSnapshot owning(HashMap<String, DeploymentLive> deployments) {
        return new LiveSnapshot(java.util.Collections.unmodifiableMap(deployments));
    }

    /** The deployment's state, or {@link DeploymentLive#UNKNOWN}. */
    public DeploymentLive get(String deploymentId) {
        DeploymentLive d = deployments.get(deploymentId);
        return d == null ? DeploymentLive.UNKNOWN : d;
    }

    public Map<String, DeploymentLive> deployments() {
        return deployments;
    }
}
