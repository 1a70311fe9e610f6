package io.llmgateway.sim.replay;

import io.llmgateway.policy.Deployment;
import io.llmgateway.policy.Policy;
import io.llmgateway.policy.Pool;
import io.llmgateway.policy.Zone;
import io.llmgateway.sim.GpuProfile;

/**
 * Which simulator profile models a deployment: the one named for its pool in the options, else the
 * API profile for external deployments, else the profile whose name or alias is the pool's {@code gpu}.
 * Each deployment is one node of that profile.
 */
final class UpstreamProfiles {

    private UpstreamProfiles() {
    }

    static GpuProfile of(Policy policy, Deployment d, ReplayOptions o) {
        String named = o.poolProfiles().get(d.pool());
        String why = "--profile " + d.pool() + "=" + named;
        if (named == null && d.zone() == Zone.EXTERNAL) {
            named = o.apiProfile();
            why = "the API profile";
        }
        if (named == null) {
            Pool pool = policy.poolOf(d);
            if (pool == null || pool.gpu() == null) {
                throw new IllegalArgumentException(policy.source() + ": deployment '" + d.id() + "': pool '" + d.pool()
                        + "' declares no gpu; name a simulator profile for it with --profile " + d.pool() + "=PROFILE");
            }
            named = pool.gpu();
            why = "pool '" + d.pool() + "' gpu";
        }
        try {
            return o.profiles().get(named);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(policy.source() + ": deployment '" + d.id() + "' (" + why + "): "
                    + e.getMessage(), e);
        }
    }
}
