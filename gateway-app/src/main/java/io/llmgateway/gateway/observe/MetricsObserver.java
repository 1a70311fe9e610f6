package io.llmgateway.gateway.observe;

import io.llmgateway.adapter.schema.Usage;
import io.llmgateway.gateway.proxy.CallContext;
import io.llmgateway.gateway.routing.RouteErrors;
import io.llmgateway.gateway.routing.RoutingStateHolder;
import io.llmgateway.policy.Deployment;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.concurrent.TimeUnit;

/**
 * Per-request metrics, recorded once when a call finishes. Label values come from the policy (app,
 * model alias, deployment, pool, zone, rule) or fixed sets (status, outcome, error codes), never from
 * request ids or text; a model name the policy does not know is folded into {@code other}.
 * The GenAI families follow the OpenTelemetry semantic conventions (names, attributes, buckets).
 */
public final class MetricsObserver implements CallObserver {

    private final GatewayMeters meters;
    private final MeterRegistry registry;
    private final RoutingStateHolder routing;

    public MetricsObserver(GatewayMeters meters, RoutingStateHolder routing) {
        this.meters = meters;
        this.registry = meters.registry();
        this.routing = routing;
    }

    @Override
    public void completed(CallContext call) {
        Deployment d = call.deploymentId() == null ? null : routing.current().policy().deployments().get(call.deploymentId());
        String app = GatewayMeters.tag(call.appId());
        String model = model(call);
        String deployment = GatewayMeters.tag(call.deploymentId());
        String pool = d == null ? "none" : d.pool();
        String zone = d == null ? "none" : d.zone().id();
        String outcome = outcome(call);
        String op = call.operation().id();
        registry.counter("gateway.requests", Tags.of("app", app, "model", model, "deployment", deployment, "pool", pool,
                "zone", zone, "operation", op, "stream", Boolean.toString(call.stream()),
                "status", Integer.toString(call.status()), "outcome", outcome)).increment();
        Tags where = Tags.of("app", app, "model", model, "deployment", deployment, "pool", pool);
        MeterBuckets.requestDuration(registry, where.and("outcome", outcome)).record(call.durationNanos(), TimeUnit.NANOSECONDS);
        if (call.overheadNanos() > 0) {
            MeterBuckets.overhead(registry, Tags.of("operation", op, "stream", Boolean.toString(call.stream())))
                    .record(call.overheadNanos(), TimeUnit.NANOSECONDS);
        }
        genAi(call, model, deployment, pool);
        Usage u = call.usage();
        if (u != null && call.deploymentId() != null) {
            Tags tt = where.and("zone", zone).and("gen_ai.operation.name", GenAiNames.operation(call.operation()));
            MeterBuckets.tokens(registry, tt.and("gen_ai.token.type", "input")).record(u.promptTokens());
            MeterBuckets.tokens(registry, tt.and("gen_ai.token.type", "output")).record(u.completionTokens());
        }
        if (call.reachedUpstream()) {
            Counter.builder("gateway.cost").baseUnit("usd").description("USD cost of requests (API prices or GPU time)")
                    .tags(where.and("zone", zone)).register(registry).increment(call.costUsd());
        }
        for (CallContext.Attempt a : call.attempts()) {
            Deployment ad = routing.current().policy().deployments().get(a.deploymentId());
            registry.counter("gateway.upstream.attempts", "deployment", GatewayMeters.tag(a.deploymentId()),
                    "pool", ad == null ? "none" : ad.pool(), "outcome", GatewayMeters.tag(a.outcome())).increment();
        }
        if (call.rule() != null) {
            meters.routeOutcome(call.rule(), decision(call), call.error() == null ? "none" : call.error().code());
        }
        if (call.dataClass() != null) {
            meters.dataClass(call.appId(), call.dataClass());
            if (call.error() != null && RouteErrors.DATA_CLASS_REQUIRES_PRIVATE.equals(call.error().code())) {
                meters.refusedSensitive(call.appId(), call.dataClass());
            }
        }
        CallContext.Sensitivity found = call.sensitivity();
        if (found != null) {
            found.findings().keySet().forEach(meters::detectorHit);
            found.redacted().forEach(id -> meters.redaction(call.appId(), id));
            meters.sensitivityScan(found.scan(), found.scanNanos());
        }
    }

    private void genAi(CallContext call, String model, String deployment, String pool) {
        String op = GenAiNames.operation(call.operation());
        String errorType = call.error() == null ? "none" : GatewayMeters.tag(call.error().code());
        Tags t = Tags.of("gen_ai.operation.name", op, "gen_ai.request.model", model, "deployment", deployment, "pool", pool);
        MeterBuckets.genAiDuration(registry, t.and("error.type", errorType)).record(call.durationNanos(), TimeUnit.NANOSECONDS);
        long ttft = call.timeToFirstByteNanos();
        if (!call.stream() || ttft == 0 || call.deploymentId() == null) {
            return;
        }
        MeterBuckets.timeToFirstToken(registry, t).record(ttft, TimeUnit.NANOSECONDS);
        Usage u = call.usage();
        if (u != null && u.completionTokens() > 1 && call.error() == null && !call.cancelled()) {
            long perToken = Math.max(0, call.durationNanos() - ttft) / (u.completionTokens() - 1);
            MeterBuckets.timePerOutputToken(registry, t).record(perToken, TimeUnit.NANOSECONDS);
        }
    }

    private String model(CallContext call) {
        String alias = call.alias();
        if (alias == null) {
            return "none";
        }
        return routing.current().policy().models().containsKey(alias) ? alias : "other";
    }

    /** served, failed_over (served after a failed attempt), refused (never reached an upstream), failed, cancelled. */
    static String decision(CallContext call) {
        if (call.cancelled()) {
            return GatewayMeters.CANCELLED;
        }
        if (call.error() == null) {
            return call.attempts().size() > 1 ? GatewayMeters.FAILED_OVER : GatewayMeters.SERVED;
        }
        return call.reachedUpstream() ? GatewayMeters.FAILED : GatewayMeters.REFUSED;
    }

    static String outcome(CallContext call) {
        if (call.cancelled()) {
            return "cancelled";
        }
        if (call.error() == null) {
            return "served";
        }
        return call.committed() ? "failed_mid_stream" : call.reachedUpstream() ? "failed" : "refused";
    }
}
