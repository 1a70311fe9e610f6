package io.llmgateway.gateway.observe;

import io.llmgateway.adapter.schema.Usage;
import io.llmgateway.gateway.proxy.CallContext;
import io.llmgateway.gateway.routing.RouteErrors;
import io.llmgateway.gateway.routing.RoutingStateHolder;
import io.llmgateway.policy.Deployment;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Per-request metrics, recorded once when a call finishes. Label values come from the policy (app,
 * model alias, deployment, pool, zone, rule) or fixed sets (status, outcome, error codes), never from
 * request ids or text; a model name the policy does not know is folded into {@code other}.
 * The GenAI families follow the OpenTelemetry semantic conventions (names, attributes, buckets).
 */
public final class MetricsObserver implements CallObserver {

    private static final String GEN_AI_OP = "gen_ai.operation.name";
    private static final String GEN_AI_MODEL = "gen_ai.request.model";

    private final GatewayMeters meters;
    private final RoutingStateHolder routing;
    private final MeterFamily<Counter> requests;
    private final MeterFamily<Timer> requestDuration;
    private final MeterFamily<Timer> overhead;
    private final MeterFamily<Timer> genAiDuration;
    private final MeterFamily<Timer> timeToFirstToken;
    private final MeterFamily<Timer> timePerOutputToken;
    private final MeterFamily<DistributionSummary> tokens;
    private final MeterFamily<Counter> cost;
    private final MeterFamily<Counter> attempts;

    public MetricsObserver(GatewayMeters meters, RoutingStateHolder routing) {
        this.meters = meters;
        this.routing = routing;
        MeterRegistry r = meters.registry();
        this.requests = MeterFamily.counter(r, "gateway.requests",
                "app", "model", "deployment", "pool", "zone", "operation", "stream", "status", "outcome");
        this.requestDuration = new MeterFamily<>(t -> MeterBuckets.requestDuration(r, t), "app", "model", "deployment", "pool", "outcome");
        this.overhead = new MeterFamily<>(t -> MeterBuckets.overhead(r, t), "operation", "stream");
        this.genAiDuration = new MeterFamily<>(t -> MeterBuckets.genAiDuration(r, t), GEN_AI_OP, GEN_AI_MODEL, "deployment", "pool", "error.type");
        this.timeToFirstToken = new MeterFamily<>(t -> MeterBuckets.timeToFirstToken(r, t), GEN_AI_OP, GEN_AI_MODEL, "deployment", "pool");
        this.timePerOutputToken = new MeterFamily<>(t -> MeterBuckets.timePerOutputToken(r, t), GEN_AI_OP, GEN_AI_MODEL, "deployment", "pool");
        this.tokens = new MeterFamily<>(t -> MeterBuckets.tokens(r, t),
                "app", "model", "deployment", "pool", "zone", GEN_AI_OP, "gen_ai.token.type");
        this.cost = new MeterFamily<>(t -> Counter.builder("gateway.cost").baseUnit("usd")
                .description("USD cost of requests (API prices or GPU time)").tags(t).register(r),
                "app", "model", "deployment", "pool", "zone");
        this.attempts = MeterFamily.counter(r, "gateway.upstream.attempts", "deployment", "pool", "outcome");
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
        String stream = Boolean.toString(call.stream());
        requests.get(app, model, deployment, pool, zone, op, stream, Integer.toString(call.status()), outcome).increment();
        requestDuration.get(app, model, deployment, pool, outcome).record(call.durationNanos(), TimeUnit.NANOSECONDS);
        if (call.overheadNanos() > 0) {
            overhead.get(op, stream).record(call.overheadNanos(), TimeUnit.NANOSECONDS);
        }
        genAi(call, model, deployment, pool);
        Usage u = call.usage();
        if (u != null && call.deploymentId() != null) {
            String genAiOp = GenAiNames.operation(call.operation());
            tokens.get(app, model, deployment, pool, zone, genAiOp, "input").record(u.promptTokens());
            tokens.get(app, model, deployment, pool, zone, genAiOp, "output").record(u.completionTokens());
        }
        if (call.reachedUpstream()) {
            cost.get(app, model, deployment, pool, zone).increment(call.costUsd());
        }
        for (CallContext.Attempt a : call.attempts()) {
            Deployment ad = routing.current().policy().deployments().get(a.deploymentId());
            attempts.get(GatewayMeters.tag(a.deploymentId()), ad == null ? "none" : ad.pool(), GatewayMeters.tag(a.outcome())).increment();
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
        genAiDuration.get(op, model, deployment, pool, errorType).record(call.durationNanos(), TimeUnit.NANOSECONDS);
        long ttft = call.timeToFirstByteNanos();
        if (!call.stream() || ttft == 0 || call.deploymentId() == null) {
            return;
        }
        timeToFirstToken.get(op, model, deployment, pool).record(ttft, TimeUnit.NANOSECONDS);
        Usage u = call.usage();
        if (u != null && u.completionTokens() > 1 && call.error() == null && !call.cancelled()) {
            long perToken = Math.max(0, call.durationNanos() - ttft) / (u.completionTokens() - 1);
            timePerOutputToken.get(op, model, deployment, pool).record(perToken, TimeUnit.NANOSECONDS);
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
