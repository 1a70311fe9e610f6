package io.llmgateway.gateway.observe;

import io.llmgateway.gateway.proxy.CallContext;
import io.llmgateway.policy.Deployment;
import io.llmgateway.policy.Zone;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.RequestReplySenderContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One {@code gateway.upstream.attempt} observation per upstream try, from the call's attempt events: a client
 * span, child of the server request's span, with keys deployment, pool, zone, attempt (1-based within the
 * request) and, when it ends, outcome (ok, cancelled, abandoned, or the error kind). Its trace context
 * ({@code traceparent}, {@code tracestate}; nothing else, no baggage) is what {@link #attemptHeaders} gives the
 * upstream request. An attempt still open when its call finishes (a cancelled non-streamed call is never
 * "ended") is ended then, as {@code cancelled} or {@code abandoned}: no span stays open.
 */
public final class AttemptTracingObserver implements CallObserver {

    public static final String ATTEMPT = "gateway.upstream.attempt";
    private static final Set<String> PROPAGATED = Set.of("traceparent", "tracestate");

    private final ObservationRegistry registry;
    private final Function<String, Deployment> deployments;
    private final Map<CallContext, List<Open>> open = new ConcurrentHashMap<>();

    private record Open(String deploymentId, Observation observation, Map<String, String> headers) {
    }

    /** @param deployments the running policy's deployment by id (pool and zone keys), null if unknown */
    public AttemptTracingObserver(ObservationRegistry registry, Function<String, Deployment> deployments) {
        this.registry = registry;
        this.deployments = deployments;
    }

    @Override
    public void attemptStarted(CallContext call, String deploymentId) {
        if (registry.isNoop()) {
            return;
        }
        int[] openNow = {0};
        open.computeIfPresent(call, (c, list) -> {
            openNow[0] = list.size();
            return list;
        });
        int number = call.attempts().size() + openNow[0] + 1;
        Deployment d = deployments.apply(deploymentId);
        RequestReplySenderContext<Map<String, String>, Object> context = new RequestReplySenderContext<>((carrier, key, value) -> {
            if (PROPAGATED.contains(key)) {
                carrier.put(key, value);
            }
        });
        context.setCarrier(new HashMap<>(4));
        context.setRemoteServiceName(deploymentId);
        Observation o = Observation.createNotStarted(ATTEMPT, () -> context, registry)
                .parentObservation(call.observation())
                .lowCardinalityKeyValue("deployment", GatewayMeters.tag(deploymentId))
                .lowCardinalityKeyValue("pool", d == null ? "none" : GatewayMeters.tag(d.pool()))
                .lowCardinalityKeyValue("zone", d == null ? "none" : GatewayMeters.tag(d.zone().id()))
                .lowCardinalityKeyValue("attempt", Integer.toString(number))
                .start();
        Open attempt = new Open(deploymentId, o, Collections.unmodifiableMap(context.getCarrier()));
        open.compute(call, (c, list) -> {
            List<Open> l = list == null ? new ArrayList<>(2) : list;
            l.add(attempt);
            return l;
        });
    }

    @Override
    public Map<String, String> attemptHeaders(CallContext call, String deploymentId) {
        Deployment d = deployments.apply(deploymentId);
        if (d == null || d.zone() != Zone.PRIVATE) {
            // trace context stays inside the private cloud: an external vendor learns nothing about our traces
            return Map.of();
        }
        Open[] found = new Open[1];
        open.computeIfPresent(call, (c, list) -> {
            for (Open a : list) {
                if (a.deploymentId().equals(deploymentId)) {
                    found[0] = a; // the latest one: the attempt just started
                }
            }
            return list;
        });
        return found[0] == null ? Map.of() : found[0].headers();
    }

    @Override
    public void attemptEnded(CallContext call, String deploymentId, String outcome) {
        Open[] ended = new Open[1];
        open.computeIfPresent(call, (c, list) -> {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).deploymentId().equals(deploymentId)) {
                    ended[0] = list.remove(i); // the oldest one: retries on a deployment are sequential
                    break;
                }
            }
            return list.isEmpty() ? null : list;
        });
        if (ended[0] != null) {
            stop(ended[0].observation(), outcome);
        }
    }

    @Override
    public void completed(CallContext call) {
        List<Open> rest = open.remove(call);
        if (rest != null) {
            rest.forEach(a -> stop(a.observation(), call.cancelled() ? "cancelled" : "abandoned"));
        }
    }

    private static void stop(Observation o, String outcome) {
        o.lowCardinalityKeyValue("outcome", GatewayMeters.tag(outcome));
        if (!"ok".equals(outcome) && !"cancelled".equals(outcome) && !"abandoned".equals(outcome)) {
            o.error(new AttemptFailed(outcome));
        }
        o.stop();
    }

    /** Calls with an attempt open (for tests). */
    int openCalls() {
        return open.size();
    }

    /** Marks a failed attempt's span as an error (the outcome says which); no stack trace is taken. */
    static final class AttemptFailed extends RuntimeException {
        AttemptFailed(String outcome) {
            super("upstream attempt failed: " + outcome, null, false, false);
        }
    }
}
