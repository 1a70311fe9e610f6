package io.llmgateway.gateway.proxy;

import io.llmgateway.adapter.StreamTranslator;
import io.llmgateway.adapter.UpstreamTarget;
import io.llmgateway.adapter.client.UpstreamClient;
import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.schema.AdapterResponse;
import io.llmgateway.adapter.schema.OpenAiChunk;
import io.llmgateway.gateway.resilience.DeploymentGuard;
import io.llmgateway.gateway.resilience.DeploymentGuards;
import io.llmgateway.gateway.resilience.Permit;
import io.llmgateway.gateway.routing.DeploymentRuntime;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Calls on one deployment: before every try the zone is re-checked, then the breaker and the bulkhead
 * grant a permit, the upstream exchange runs under its time limits, and the permit reports the outcome.
 * Failed tries are retried on the same deployment per its {@code RetrySchedule} while nothing was relayed.
 */
final class GuardedAttempts {

    static final String ZONE_REFUSED = "zone_not_allowed";
    private static final Logger log = LoggerFactory.getLogger(GuardedAttempts.class);

    private final UpstreamClient client;
    private final DeploymentGuards guards;
    private final ZoneCheck zones;
    private final ExecutorMetrics metrics;

    GuardedAttempts(UpstreamClient client, DeploymentGuards guards, ZoneCheck zones, ExecutorMetrics metrics) {
        this.client = client;
        this.guards = guards;
        this.zones = zones;
        this.metrics = metrics;
    }

    static boolean zoneRefused(GatewayException e) {
        return ZONE_REFUSED.equals(e.code());
    }

    Mono<AdapterResponse> complete(Run run, DeploymentRuntime d, int attempt) {
        return Mono.defer(() -> {
            GatewayException refused = zoneRefusal(run, d);
            if (refused != null) {
                return Mono.error(refused);
            }
            DeploymentGuard g = guards.guard(d.id());
            return Mono.usingWhen(g.acquire(run.execution().priority()),
                            permit -> call(run, d, permit),
                            permit -> Mono.fromRunnable(permit::succeeded),
                            (permit, e) -> Mono.fromRunnable(() -> permit.failed(e)),
                            permit -> Mono.fromRunnable(permit::cancelled))
                    .onErrorResume(GatewayException.class, e -> {
                        Duration wait = retryDelay(run, g, attempt, e);
                        return wait == null ? Mono.error(e) : Mono.delay(wait).then(complete(run, d, attempt + 1));
                    });
        });
    }

    Flux<OpenAiChunk> stream(Run run, DeploymentRuntime d, int attempt) {
        return Flux.defer(() -> {
            GatewayException refused = zoneRefusal(run, d);
            if (refused != null) {
                return Flux.error(refused);
            }
            DeploymentGuard g = guards.guard(d.id());
            return Flux.usingWhen(g.acquire(run.execution().priority()),
                            permit -> relay(run, d, permit),
                            permit -> Mono.fromRunnable(permit::succeeded),
                            (permit, e) -> Mono.fromRunnable(() -> permit.failed(e)),
                            permit -> Mono.fromRunnable(permit::cancelled))
                    .onErrorResume(GatewayException.class, e -> {
                        Duration wait = retryDelay(run, g, attempt, e);
                        return wait == null ? Flux.error(e) : Mono.delay(wait).thenMany(stream(run, d, attempt + 1));
                    });
        });
    }

    private Mono<AdapterResponse> call(Run run, DeploymentRuntime d, Permit permit) {
        CallContext call = run.call();
        long start = System.nanoTime();
        call.attemptStarted(d.id());
        return client.call(d.adapter(), run.request(), target(call, d))
                .doOnNext(r -> {
                    permit.firstToken();
                    run.relayed();
                    call.servedBy(d.id(), start);
                    call.upstreamFirst();
                    call.usage(r.usage());
                    call.attemptEnded(d.id(), "ok");
                })
                .doOnError(e -> call.attemptEnded(d.id(), outcome(e)))
                .doOnCancel(() -> call.attemptEnded(d.id(), "cancelled"));
    }

    private Flux<OpenAiChunk> relay(Run run, DeploymentRuntime d, Permit permit) {
        CallContext call = run.call();
        long start = System.nanoTime();
        call.attemptStarted(d.id());
        UpstreamTarget target = target(call, d);
        StreamTranslator translator = d.adapter().streamTranslator(run.request(), target);
        StreamUsage usage = new StreamUsage(call, translator);
        AtomicBoolean first = new AtomicBoolean();
        return client.stream(d.adapter(), run.request(), target, translator)
                .doOnNext(chunk -> {
                    if (first.compareAndSet(false, true)) {
                        permit.firstToken();
                        run.relayed();
                        call.servedBy(d.id(), start);
                    }
                    call.upstreamFirst();
                    usage.onChunk(chunk);
                })
                .doOnComplete(() -> call.attemptEnded(d.id(), "ok"))
                .doOnError(e -> call.attemptEnded(d.id(), outcome(e)))
                .doOnCancel(() -> call.attemptEnded(d.id(), first.get() ? "cancelled" : "abandoned"))
                // settle before the terminal signal travels on: observers downstream read the usage
                .doOnTerminate(usage::settle)
                .doOnCancel(usage::settle);
    }

    /** The deployment's target plus this attempt's own headers (its trace context), if the listeners give any. */
    static UpstreamTarget target(CallContext call, DeploymentRuntime d) {
        Map<String, String> extra = call.attemptHeaders(d.id());
        UpstreamTarget t = d.target();
        if (extra.isEmpty()) {
            return t;
        }
        Map<String, String> headers = new HashMap<>(t.headers());
        headers.putAll(extra);
        return new UpstreamTarget(t.deploymentId(), t.baseUrl(), t.model(), t.apiKey(), headers, t.options(), t.timeouts());
    }

    private Duration retryDelay(Run run, DeploymentGuard g, int attempt, GatewayException e) {
        if (!run.replaceable()) {
            return null;
        }
        Duration wait = g.retry().delay(attempt, e);
        if (wait != null) {
            metrics.retry(g.deploymentId(), e);
        }
        return wait;
    }

    private GatewayException zoneRefusal(Run run, DeploymentRuntime d) {
        String why = zones.refusal(run.call(), d.deployment());
        if (why == null) {
            return null;
        }
        metrics.zoneRefused(d.id());
        log.warn("executor refused deployment {} for request {}: {}", d.id(), run.call().requestId(), why);
        return GatewayException.builder(ErrorKind.NO_BACKEND, why).code(ZONE_REFUSED).build();
    }

    private static String outcome(Throwable e) {
        return e instanceof GatewayException g ? g.kind().name().toLowerCase(Locale.ROOT) : "internal";
    }
}
