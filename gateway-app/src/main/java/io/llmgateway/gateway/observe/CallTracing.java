package io.llmgateway.gateway.observe;

import io.llmgateway.gateway.proxy.CallContext;
import io.llmgateway.gateway.routing.RouteDecision;
import io.llmgateway.gateway.sensitivity.Classification;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import reactor.util.context.ContextView;

/**
 * The gateway's own steps of a request as observations, children of the server request's observation (whose
 * span continues the client's {@code traceparent}): {@code gateway.classify} and {@code gateway.plan} here,
 * one {@code gateway.upstream.attempt} per try in {@link AttemptTracingObserver}. Being observations, each is
 * a span and a timer of the same name, so traces and metrics agree. Keys are low-cardinality values from the
 * policy or fixed sets; never prompt text, keys or request ids. The steps are synchronous and end (with
 * their error, if any) before the request moves on.
 */
public final class CallTracing {

    public static final String CLASSIFY = "gateway.classify";
    public static final String PLAN = "gateway.plan";

    private final ObservationRegistry registry;

    public CallTracing(ObservationRegistry registry) {
        this.registry = registry;
    }

    /** Links the call to the server request's observation in the Reactor context, and notes its trace id. */
    public void begin(CallContext call, ContextView context) {
        Observation server = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
        if (server != null) {
            call.trace(server, traceId(server));
        }
    }

    /** The sensitivity scan; key {@code scan}: complete, or why it was cut (size_cap, deadline, ...). */
    public Classification classify(CallContext call, Supplier<Classification> step) {
        return observe(CLASSIFY, call, step, (c, o) -> o.lowCardinalityKeyValue("scan", GatewayMeters.tag(c.audit().scan())));
    }

    /** The plan; keys {@code rule} (rule or alias), {@code outcome} (routed, no_candidate, ...), {@code data_class}. */
    public RouteDecision plan(CallContext call, Supplier<RouteDecision> step) {
        return observe(PLAN, call, step, (d, o) -> o
                .lowCardinalityKeyValue("rule", GatewayMeters.tag(d.plan().route()))
                .lowCardinalityKeyValue("outcome", d.plan().outcome().name().toLowerCase(Locale.ROOT))
                .lowCardinalityKeyValue("data_class", GatewayMeters.tag(d.dataClass().effective().id())));
    }

    private <T> T observe(String name, CallContext call, Supplier<T> step, BiFunction<T, Observation, Observation> keys) {
        Observation o = Observation.createNotStarted(name, registry).parentObservation(call.observation()).start();
        try {
            T result = step.get();
            keys.apply(result, o);
            return result;
        } catch (RuntimeException e) {
            o.error(e);
            throw e;
        } finally {
            o.stop();
        }
    }

    /**
     * The W3C trace id of an observation's span, or null when it has none (tracing off). A trace that is not
     * sampled still has its id: it is propagated upstream, so logs can be matched across services anyway.
     */
    static String traceId(Observation o) {
        TracingObservationHandler.TracingContext t = o.getContextView().get(TracingObservationHandler.TracingContext.class);
        Span span = t == null ? null : t.getSpan();
        String id = span == null ? null : span.context().traceId();
        return id == null || id.isEmpty() || id.chars().allMatch(c -> c == '0') ? null : id;
    }
}
