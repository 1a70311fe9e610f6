package io.llmgateway.gateway.observe;

import io.llmgateway.gateway.proxy.CallContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fans call events out to every observer, in order; one failing observer never affects the others or the client. */
public final class CompositeCallObserver implements CallObserver {

    private static final Logger log = LoggerFactory.getLogger(CompositeCallObserver.class);
    private final List<CallObserver> observers;

    public CompositeCallObserver(List<CallObserver> observers) {
        this.observers = List.copyOf(observers);
    }

    @Override
    public void completed(CallContext call) {
        for (CallObserver o : observers) {
            try {
                o.completed(call);
            } catch (RuntimeException e) {
                log.warn("observer {} failed for request {}", o.getClass().getSimpleName(), call.requestId(), e);
            }
        }
    }

    @Override
    public void attemptStarted(CallContext call, String deploymentId) {
        for (CallObserver o : observers) {
            try {
                o.attemptStarted(call, deploymentId);
            } catch (RuntimeException e) {
                log.warn("observer {} failed on an attempt of request {}", o.getClass().getSimpleName(), call.requestId(), e);
            }
        }
    }

    @Override
    public Map<String, String> attemptHeaders(CallContext call, String deploymentId) {
        Map<String, String> merged = Map.of();
        for (CallObserver o : observers) {
            try {
                Map<String, String> h = o.attemptHeaders(call, deploymentId);
                if (!h.isEmpty()) {
                    merged = merged.isEmpty() ? h : merge(merged, h);
                }
            } catch (RuntimeException e) {
                log.warn("observer {} failed on an attempt of request {}", o.getClass().getSimpleName(), call.requestId(), e);
            }
        }
        return merged;
    }

    private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        Map<String, String> out = new HashMap<>(a);
        out.putAll(b);
        return out;
    }

    @Override
    public void attemptEnded(CallContext call, String deploymentId, String outcome) {
        for (CallObserver o : observers) {
            try {
                o.attemptEnded(call, deploymentId, outcome);
            } catch (RuntimeException e) {
                log.warn("observer {} failed on an attempt of request {}", o.getClass().getSimpleName(), call.requestId(), e);
            }
        }
    }
}
