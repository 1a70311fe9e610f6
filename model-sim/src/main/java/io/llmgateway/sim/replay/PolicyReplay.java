package io.llmgateway.sim.replay;

import io.llmgateway.policy.Policy;

/**
 * Replays a request trace through a routing policy against simulated deployments, in virtual time: a
 * discrete-event simulation that runs a ~20k-request trace in seconds. Every request is planned by the
 * gateway's own {@code Planner} with a live snapshot of the simulated state; the executor's failover, the
 * gateway's concurrency limits and waiting rooms, the engines' continuous batching (GPU profiles) and the
 * closed APIs' sampled latency and rate limits (API profile) are modelled. See docs/policy.md,
 * "Simulate before you deploy".
 */
public final class PolicyReplay {

    private PolicyReplay() {
    }

    /**
     * @throws IllegalArgumentException when the policy cannot be simulated with these options (no such app,
     *                                  a deployment without a simulator profile)
     */
    public static ReplayResult run(Policy policy, Trace trace, ReplayOptions options) {
        return new ReplayRun(policy, trace, options).run();
    }
}
