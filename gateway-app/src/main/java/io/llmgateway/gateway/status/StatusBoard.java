package io.llmgateway.gateway.status;

import io.llmgateway.adapter.schema.Usage;
import io.llmgateway.gateway.observe.CallObserver;
import io.llmgateway.gateway.proxy.CallContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the status page shows, kept in memory since start: traffic and cost per app, per-deployment
 * outcomes and latency, and the last routing decisions (no text: app, model, rule, deployment,
 * status, latency). Keys are apps and deployments of the policy, so the maps stay small.
 */
public final class StatusBoard implements CallObserver {

    static final int RECENT = 40;
    private static final int MAX_KEYS = 1000;

    private final Map<String, Traffic> apps = new ConcurrentHashMap<>();
    private final Map<String, DeploymentStats> deployments = new ConcurrentHashMap<>();
    private final Traffic total = new Traffic();
    private final Deque<Decision> recent = new ArrayDeque<>(RECENT);

    /** One routing decision as shown on the page. */
    public record Decision(long atEpochMs, String app, String model, String rule, String deployment, String dataClass,
                           int status, String outcome, double latencyMs, int attempts) {
    }

    @Override
    public void completed(CallContext call) {
        Usage u = call.usage();
        long in = u == null ? 0 : u.promptTokens();
        long out = u == null ? 0 : u.completionTokens();
        boolean failed = call.error() != null;
        total.add(failed, in, out, call.costUsd());
        if (call.appId() != null && (apps.size() < MAX_KEYS || apps.containsKey(call.appId()))) {
            apps.computeIfAbsent(call.appId(), a -> new Traffic()).add(failed, in, out, call.costUsd());
        }
        for (CallContext.Attempt a : call.attempts()) {
            boolean ok = "ok".equals(a.outcome()) || "cancelled".equals(a.outcome());
            boolean served = ok && a.deploymentId().equals(call.deploymentId());
            stats(a.deploymentId()).attempt(ok, a.outcome(), served ? call.durationNanos() / 1e6 : -1,
                    served && call.stream() ? call.timeToFirstByteNanos() / 1e6 : -1);
        }
        if (call.rule() != null || call.deploymentId() != null) {
            Decision d = new Decision(System.currentTimeMillis(), call.appId(), call.alias(), call.rule(), call.deploymentId(),
                    call.dataClass(), call.status(), outcome(call), Math.round(call.durationNanos() / 1e4) / 100.0,
                    call.attempts().size());
            synchronized (recent) {
                if (recent.size() == RECENT) {
                    recent.removeLast();
                }
                recent.addFirst(d);
            }
        }
    }

    private DeploymentStats stats(String id) {
        return deployments.computeIfAbsent(id, d -> new DeploymentStats());
    }

    private static String outcome(CallContext call) {
        if (call.cancelled()) {
            return "cancelled";
        }
        if (call.error() != null) {
            return call.reachedUpstream() ? "failed" : "refused";
        }
        return call.attempts().size() > 1 ? "failed_over" : "served";
    }

    public Traffic total() {
        return total;
    }

    public Map<String, Traffic> apps() {
        return Map.copyOf(apps);
    }

    /** Stats of a deployment, or null if it has seen no attempt. */
    public DeploymentStats deployment(String id) {
        return deployments.get(id);
    }

    /** The last decisions, newest first. */
    public List<Decision> recent() {
        synchronized (recent) {
            return new ArrayList<>(recent);
        }
    }
}
