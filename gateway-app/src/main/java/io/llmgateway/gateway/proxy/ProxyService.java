package io.llmgateway.gateway.proxy;

import io.llmgateway.adapter.client.UpstreamClient;
import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.schema.AdapterResponse;
import io.llmgateway.adapter.schema.OpenAiChunk;
import io.llmgateway.adapter.schema.OpenAiRequest;
import io.llmgateway.gateway.resilience.DeploymentGuards;
import io.llmgateway.gateway.routing.DeploymentRuntime;
import io.llmgateway.policy.live.CircuitState;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Executes a route plan: tries the candidates in order, each through its guards (zone re-check,
 * circuit breaker, bulkhead, time limits, retries), failing over on retryable errors as long as nothing
 * has reached the client. With a hedge delay the first two candidates race. Once the first chunk of a
 * stream is out, an upstream failure ends the stream with an error event instead (see StreamingResponse).
 */
public final class ProxyService {

    private final GuardedAttempts attempts;
    private final ExecutorMetrics metrics;
    private final DeploymentGuards guards;

    public ProxyService(UpstreamClient client, DeploymentGuards guards, ZoneCheck zones, MeterRegistry registry) {
        this.metrics = new ExecutorMetrics(registry);
        this.guards = guards;
        this.attempts = new GuardedAttempts(client, guards, zones, metrics);
    }

    public Mono<AdapterResponse> complete(CallContext call, OpenAiRequest request, List<DeploymentRuntime> candidates) {
        return complete(call, request, Execution.of(candidates));
    }

    public Flux<OpenAiChunk> stream(CallContext call, OpenAiRequest request, List<DeploymentRuntime> candidates) {
        return stream(call, request, Execution.of(candidates));
    }

    public Mono<AdapterResponse> complete(CallContext call, OpenAiRequest request, Execution execution) {
        return Mono.defer(() -> completeFrom(new Run(call, request, probesFirst(execution)), 0, null));
    }

    public Flux<OpenAiChunk> stream(CallContext call, OpenAiRequest request, Execution execution) {
        return Flux.defer(() -> streamFrom(new Run(call, request, probesFirst(execution)), 0, null));
    }

    private Mono<AdapterResponse> completeFrom(Run run, int i, GatewayException last) {
        List<DeploymentRuntime> c = run.execution().candidates();
        if (i >= c.size()) {
            return Mono.error(exhausted(last));
        }
        DeploymentRuntime d = c.get(i);
        if (!supports(run, d)) {
            return completeFrom(run, i + 1, last != null ? last : unsupported(d, run.request()));
        }
        boolean hedge = i == 0 && run.execution().hedged() && supports(run, c.get(1));
        Mono<AdapterResponse> attempt = hedge
                ? Hedge.complete(attempts.complete(run, d, 1), attempts.complete(run, c.get(1), 1),
                        run.execution().hedgeAfter(), () -> metrics.hedge(c.get(1).id()))
                : attempts.complete(run, d, 1);
        int next = hedge ? 2 : i + 1;
        return attempt.onErrorResume(GatewayException.class, e -> failOver(run, d, e, next)
                ? completeFrom(run, next, keep(last, e)) : Mono.error(e));
    }

    private Flux<OpenAiChunk> streamFrom(Run run, int i, GatewayException last) {
        List<DeploymentRuntime> c = run.execution().candidates();
        if (i >= c.size()) {
            return Flux.error(exhausted(last));
        }
        DeploymentRuntime d = c.get(i);
        if (!supports(run, d)) {
            return streamFrom(run, i + 1, last != null ? last : unsupported(d, run.request()));
        }
        boolean hedge = i == 0 && run.execution().hedged() && supports(run, c.get(1));
        Flux<OpenAiChunk> attempt = hedge
                ? Hedge.stream(attempts.stream(run, d, 1), attempts.stream(run, c.get(1), 1),
                        run.execution().hedgeAfter(), () -> metrics.hedge(c.get(1).id()))
                : attempts.stream(run, d, 1);
        int next = hedge ? 2 : i + 1;
        return attempt.onErrorResume(GatewayException.class, e -> failOver(run, d, e, next)
                ? streamFrom(run, next, keep(last, e)) : Flux.error(e));
    }

    /**
     * A half-open deployment gets the request first, as one of its breaker's limited probes: otherwise,
     * planned after healthy candidates, it would never be tried and never close. If its probes are all
     * taken it is skipped at once; if the probe fails the request fails over to the rest of the plan.
     */
    private Execution probesFirst(Execution e) {
        List<DeploymentRuntime> c = e.candidates();
        List<DeploymentRuntime> probes = c.stream().filter(d -> guards.of(d.id()) == CircuitState.HALF_OPEN).toList();
        if (probes.isEmpty() || c.indexOf(probes.get(0)) == 0 && probes.size() == 1) {
            return e;
        }
        List<DeploymentRuntime> ordered = new ArrayList<>(probes);
        c.stream().filter(d -> !probes.contains(d)).forEach(ordered::add);
        return new Execution(ordered, e.priority(), e.hedgeAfter());
    }

    private boolean failOver(Run run, DeploymentRuntime from, GatewayException e, int next) {
        boolean may = run.replaceable() && (e.retryable() || GuardedAttempts.zoneRefused(e));
        if (may && next < run.execution().candidates().size()) {
            metrics.failover(from.id(), e);
        }
        return may;
    }

    /** A zone refusal says less about why the request failed than an earlier upstream error. */
    private static GatewayException keep(GatewayException last, GatewayException e) {
        return last != null && GuardedAttempts.zoneRefused(e) ? last : e;
    }

    private static boolean supports(Run run, DeploymentRuntime d) {
        return d.adapter().supports(run.request().operation());
    }

    private static GatewayException unsupported(DeploymentRuntime d, OpenAiRequest request) {
        return GatewayException.of(ErrorKind.INVALID_REQUEST,
                "deployment '" + d.id() + "' (api " + d.adapter().api() + ") does not support " + request.operation().path());
    }

    private static GatewayException exhausted(GatewayException last) {
        return last != null ? last : GatewayException.of(ErrorKind.NO_BACKEND, "no deployment is available for this model");
    }
}
