package io.llmgateway.gateway.observe;

import io.llmgateway.adapter.schema.Usage;
import io.llmgateway.gateway.proxy.CallContext;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Request metrics with bounded label cardinality: app, model alias, deployment, operation and status
 * come from the policy (or a fixed set), never from request ids or text; unknown models are folded
 * into {@code other}.
 */
public final class MetricsObserver implements CallObserver {

    private final MeterRegistry registry;

    public MetricsObserver(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void completed(CallContext call) {
        Tags tags = Tags.of(
                "app", nvl(call.appId()),
                "model", call.deploymentId() == null && call.status() == 404 ? "other" : nvl(call.alias()),
                "deployment", nvl(call.deploymentId()),
                "operation", call.operation().id(),
                "stream", Boolean.toString(call.stream()),
                "status", Integer.toString(call.status()),
                "outcome", outcome(call));
        registry.counter("gateway.requests", tags).increment();
        Timer.builder("gateway.request.duration")
                .tags(tags)
                .serviceLevelObjectives(slo(100), slo(250), slo(500), slo(1000), slo(2500), slo(5000), slo(10000), slo(30000), slo(60000))
                .register(registry)
                .record(call.durationNanos(), TimeUnit.NANOSECONDS);
        if (call.overheadNanos() > 0) {
            Timer.builder("gateway.overhead")
                    .description("time spent in the gateway itself before the first byte")
                    .tags("operation", call.operation().id(), "stream", Boolean.toString(call.stream()))
                    .serviceLevelObjectives(slo(1), slo(2), slo(5), slo(10), slo(25), slo(50), slo(100))
                    .register(registry)
                    .record(call.overheadNanos(), TimeUnit.NANOSECONDS);
        }
        Usage u = call.usage();
        if (u != null && call.deploymentId() != null) {
            Tags tt = Tags.of("app", nvl(call.appId()), "model", nvl(call.alias()), "deployment", call.deploymentId());
            token(tt, "input").record(u.promptTokens());
            token(tt, "output").record(u.completionTokens());
        }
    }

    private DistributionSummary token(Tags tags, String type) {
        return DistributionSummary.builder("gen_ai.client.token.usage")
                .baseUnit("tokens")
                .tags(tags).tag("gen_ai.token.type", type)
                .register(registry);
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

    private static Duration slo(long ms) {
        return Duration.ofMillis(ms);
    }

    private static String nvl(String s) {
        return s == null ? "none" : s;
    }
}
