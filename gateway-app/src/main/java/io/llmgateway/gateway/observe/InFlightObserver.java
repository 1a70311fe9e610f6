package io.llmgateway.gateway.observe;

import io.llmgateway.gateway.proxy.CallContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps {@code gateway.deployment.in.flight} right: +1 when an attempt starts, -1 when it ends, and any
 * attempt still open when its call finishes (a cancelled non-streamed call is never "ended") is closed
 * then, so the gauge cannot drift.
 */
public final class InFlightObserver implements CallObserver {

    private final GatewayMeters meters;
    private final Map<CallContext, List<String>> open = new ConcurrentHashMap<>();

    public InFlightObserver(GatewayMeters meters) {
        this.meters = meters;
    }

    @Override
    public void attemptStarted(CallContext call, String deploymentId) {
        List<String> mine = open.computeIfAbsent(call, c -> new ArrayList<>(2));
        synchronized (mine) {
            mine.add(deploymentId);
        }
        meters.inFlight(deploymentId).incrementAndGet();
    }

    @Override
    public void attemptEnded(CallContext call, String deploymentId, String outcome) {
        List<String> mine = open.get(call);
        if (mine == null) {
            return;
        }
        boolean removed;
        synchronized (mine) {
            removed = mine.remove(deploymentId);
        }
        if (removed) {
            meters.inFlight(deploymentId).decrementAndGet();
        }
    }

    @Override
    public void completed(CallContext call) {
        List<String> mine = open.remove(call);
        if (mine == null) {
            return;
        }
        synchronized (mine) {
            mine.forEach(d -> meters.inFlight(d).decrementAndGet());
            mine.clear();
        }
    }

    /** Calls with an attempt open (for tests). */
    int openCalls() {
        return open.size();
    }
}
