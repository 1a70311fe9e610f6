package io.llmgateway.gateway.routing;

import io.llmgateway.adapter.schema.Usage;
import io.llmgateway.gateway.observe.CallObserver;
import io.llmgateway.gateway.proxy.CallContext;
import io.llmgateway.policy.live.LiveTrackers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Feeds the planner's live inputs from real traffic: in-flight counts per deployment (attempt started /
 * ended; attempts a call never ended are released when it finishes) and, for each successful call, the
 * serving deployment's time to first token, total time and output tokens.
 */
public final class RoutingFeedbackObserver implements CallObserver {

    private final LiveTrackers trackers;
    private final Map<CallContext, List<String>> open = new ConcurrentHashMap<>();

    public RoutingFeedbackObserver(LiveTrackers trackers) {
        this.trackers = trackers;
    }

    @Override
    public void attemptStarted(CallContext call, String deploymentId) {
        trackers.load(deploymentId).started();
        open.compute(call, (c, l) -> {
            List<String> list = l == null ? new ArrayList<>(2) : l;
            list.add(deploymentId);
            return list;
        });
    }

    @Override
    public void attemptEnded(CallContext call, String deploymentId, String outcome) {
        boolean[] held = {false};
        open.computeIfPresent(call, (c, l) -> {
            held[0] = l.remove(deploymentId);
            return l.isEmpty() ? null : l;
        });
        if (held[0]) {
            trackers.load(deploymentId).ended();
        }
    }

    @Override
    public void completed(CallContext call) {
        List<String> left = open.remove(call);
        if (left != null) {
            for (String id : left) {
                trackers.load(id).ended();
            }
        }
        if (call.error() != null || call.cancelled() || call.deploymentId() == null || !call.reachedUpstream()) {
            return;
        }
        CallContext.Attempt served = last(call, call.deploymentId());
        if (served == null || !"ok".equals(served.outcome())) {
            return;
        }
        Usage u = call.usage();
        int output = u == null ? 0 : (int) Math.min(Integer.MAX_VALUE, u.completionTokens());
        trackers.latency(call.deploymentId()).record(call.stream(), call.upstreamFirstNanos(), served.durationNanos(),
                output, trackers.now());
    }

    private static CallContext.Attempt last(CallContext call, String deploymentId) {
        List<CallContext.Attempt> attempts = call.attempts();
        for (int i = attempts.size() - 1; i >= 0; i--) {
            if (attempts.get(i).deploymentId().equals(deploymentId)) {
                return attempts.get(i);
            }
        }
        return null;
    }
}
