package io.llmgateway.policy.live;

import io.llmgateway.policy.Deployment;
import io.llmgateway.policy.Policy;
import java.util.HashMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The latency and load trackers of every deployment, by id, and the snapshots built from them.
 * Trackers survive a policy reload for the ids that stay; {@link #retain} drops the others.
 */
public final class LiveTrackers {

    private final ConcurrentHashMap<String, LatencyTracker> latency = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LoadTracker> load = new ConcurrentHashMap<>();
    private final LongSupplier clock;
    private final long staleAfterMillis;

    /**
     * @param clock            epoch milliseconds
     * @param staleAfterMillis scraped samples older than this are ignored
     */
    public LiveTrackers(LongSupplier clock, long staleAfterMillis) {
        this.clock = clock;
        this.staleAfterMillis = staleAfterMillis;
    }

    public LatencyTracker latency(String deploymentId) {
        return latency.computeIfAbsent(deploymentId, id -> new LatencyTracker(clock.getAsLong()));
    }

    public LoadTracker load(String deploymentId) {
        return load.computeIfAbsent(deploymentId, id -> new LoadTracker());
    }

    public long now() {
        return clock.getAsLong();
    }

    /** Forgets trackers of deployments that are no longer in the policy. */
    public void retain(Set<String> deploymentIds) {
        latency.keySet().retainAll(deploymentIds);
        load.keySet().retainAll(deploymentIds);
    }

    /** The live state of every deployment of {@code policy} now: a few volatile reads per deployment. */
    public LiveSnapshot snapshot(Policy policy, CircuitStates circuits) {
        long now = clock.getAsLong();
        HashMap<String, DeploymentLive> out = new HashMap<>(policy.deployments().size() * 2);
        for (Deployment d : policy.deployments().values()) {
            String id = d.id();
            LatencyTracker lt = latency.get(id);
            LoadTracker ld = load.get(id);
            CircuitState circuit = circuits.of(id);
            int waiting = circuits.waiting(id);
            if (lt == null && ld == null && circuit == CircuitState.CLOSED && waiting == 0) {
                continue;
            }
            LoadSample s = ld == null ? null : ld.scraped();
            if (s != null && now - s.atMillis() > staleAfterMillis) {
                s = null;
            }
            out.put(id, new DeploymentLive(circuit, (ld == null ? 0 : ld.inFlight()) + waiting, 0, s,
                    lt == null ? LatencyEstimate.NONE : lt.estimate(), lt == null ? 0 : lt.outputTokensPerSecond(now)));
        }
        return LiveSnapshot.owning(out);
    }
}
