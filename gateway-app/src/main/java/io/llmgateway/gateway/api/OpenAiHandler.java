package io.llmgateway.gateway.api;

import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.schema.OpenAiChunk;
import io.llmgateway.adapter.schema.OpenAiRequest;
import io.llmgateway.adapter.schema.Operation;
import io.llmgateway.adapter.schema.RequestText;
import io.llmgateway.gateway.admission.AdmissionService;
import io.llmgateway.gateway.auth.ApiKeyAuthenticator;
import io.llmgateway.gateway.observe.CallObserver;
import io.llmgateway.gateway.observe.CallTracing;
import io.llmgateway.gateway.proxy.CallContext;
import io.llmgateway.gateway.proxy.Execution;
import io.llmgateway.gateway.proxy.ProxyService;
import io.llmgateway.gateway.routing.DeploymentRuntime;
import io.llmgateway.gateway.routing.RoutingState;
import io.llmgateway.gateway.routing.RoutingStateHolder;
import io.llmgateway.policy.App;
import io.llmgateway.gateway.routing.RequestRouter;
import io.llmgateway.gateway.routing.RouteDecision;
import io.llmgateway.gateway.routing.RouteErrors;
import io.llmgateway.gateway.sensitivity.AnswerRestorer;
import io.llmgateway.gateway.sensitivity.Classification;
import io.llmgateway.gateway.sensitivity.FailClosedErrors;
import io.llmgateway.gateway.sensitivity.StreamRestorer;
import io.llmgateway.policy.route.RoutePlan;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * The OpenAI inference endpoints: authenticate, read and validate, resolve the alias, plan, execute,
 * respond, and tell the observers once. Every failure is answered in OpenAI's error format.
 */
public final class OpenAiHandler {

    private final RoutingStateHolder routing;
    private final ApiKeyAuthenticator authenticator;
    private final RequestBodyReader bodies;
    private final RequestRouter router;
    private final ProxyService proxy;
    private final CallObserver observer;
    private final AdmissionService admission;
    private final CallTracing tracing;

    /**
     * What the handler works with, one per request stage.
     *
     * @param routing       the live routing state (policy, deployments, classifier)
     * @param authenticator app keys
     * @param maxBodyBytes  request body cap (413 above)
     * @param router        data class and route plan
     * @param proxy         the executor
     * @param observer      told once per finished call
     * @param admission     limits and budgets
     * @param tracing       spans for classify and plan
     */
    public record Stages(RoutingStateHolder routing, ApiKeyAuthenticator authenticator, int maxBodyBytes,
                         RequestRouter router, ProxyService proxy, CallObserver observer,
                         AdmissionService admission, CallTracing tracing) {
    }

    public OpenAiHandler(Stages stages) {
        this.routing = stages.routing();
        this.authenticator = stages.authenticator();
        this.bodies = new RequestBodyReader(stages.maxBodyBytes());
        this.router = stages.router();
        this.proxy = stages.proxy();
        this.observer = stages.observer();
        this.admission = stages.admission();
        this.tracing = stages.tracing();
    }

    public Mono<ServerResponse> chat(ServerRequest r) {
        return handle(r, Operation.CHAT);
    }

    public Mono<ServerResponse> completions(ServerRequest r) {
        return handle(r, Operation.COMPLETIONS);
    }

    public Mono<ServerResponse> embeddings(ServerRequest r) {
        return handle(r, Operation.EMBEDDINGS);
    }

    private Mono<ServerResponse> handle(ServerRequest r, Operation op) {
        CallContext call = new CallContext(RequestIdFilter.of(r.exchange()), op);
        call.listener(observer);
        RoutingState state = routing.current();
        return Mono.deferContextual(ctx -> {
                    tracing.begin(call, ctx);
                    App app = authenticator.authenticate(r.headers().asHttpHeaders(), state);
                    call.app(app.id());
                    return bodies.read(r).flatMap(bytes -> dispatch(call, state, app, OpenAiRequest.parse(op, bytes), r));
                })
                .onErrorResume(GatewayException.class, e -> {
                    finish(call, e.status(), e, false);
                    return ErrorResponses.of(e, h -> errorHeaders(h, call));
                });
    }

    private Mono<ServerResponse> dispatch(CallContext call, RoutingState state, App app, OpenAiRequest req, ServerRequest r) {
        String alias = req.model();
        call.request(alias, req.stream(), RequestText.estimateTokens(req));
        if (state.policy().alias(alias).isEmpty()) {
            throw GatewayException.builder(ErrorKind.MODEL_NOT_FOUND,
                    "The model '" + truncate(alias) + "' does not exist or you do not have access to it.").param("model").build();
        }
        if (!app.mayUse(alias)) {
            throw GatewayException.builder(ErrorKind.PERMISSION_DENIED,
                    "The app '" + app.id() + "' is not allowed to use the model '" + alias + "'.").param("model").build();
        }
        // one scan of every text (bounded; incomplete or failed -> most sensitive class); masked findings go out as placeholders
        Classification sensitivity = tracing.classify(call, () -> state.classifier().classify(req, app));
        call.sensitivity(sensitivity.audit());
        RouteDecision decision = tracing.plan(call, () -> router.route(state, app, req, r.headers().asHttpHeaders(),
                call.promptEstimate(), sensitivity.detection()));
        RoutePlan plan = decision.plan();
        call.dataClass(decision.dataClass().effective().id());
        call.rule(plan.route());
        List<DeploymentRuntime> candidates = new ArrayList<>(plan.candidates().size());
        for (RoutePlan.Candidate c : plan.candidates()) {
            candidates.add(state.deployment(c.deployment().id()));
        }
        if (candidates.isEmpty()) {
            throw RouteErrors.of(plan);
        }
        // admission (limits, budgets) after planning, before execution; x-ratelimit-* go on every answer
        Execution execution = Execution.of(candidates, app.priority(), state.policy(), plan.rule());
        return admission.admit(app, alias, call, req.maxTokens(), plan.candidates().stream().map(RoutePlan.Candidate::deployment).toList())
                .flatMap(a -> {
                    a.headers().forEach(r.exchange().getResponse().getHeaders()::set);
                    if (!a.admitted()) {
                        return Mono.error(a.refusal());
                    }
                    return req.stream() ? stream(call, sensitivity, decision, execution) : complete(call, sensitivity, decision, execution);
                });
    }

    private Mono<ServerResponse> complete(CallContext call, Classification sensitivity, RouteDecision decision,
                                          Execution candidates) {
        return proxy.complete(call, sensitivity.outgoing(), candidates)
                .onErrorMap(GatewayException.class, e -> FailClosedErrors.map(e, decision))
                .doOnCancel(() -> finish(call, 499, null, true)).flatMap(res -> {
            call.firstByte();
            finish(call, 200, null, false);
            return ServerResponse.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .headers(h -> proxiedHeaders(h, call))
                    .bodyValue(AnswerRestorer.restore(res.json(), sensitivity.restore()));
        });
    }

    private Mono<ServerResponse> stream(CallContext call, Classification sensitivity, RouteDecision decision,
                                        Execution candidates) {
        OpenAiRequest req = sensitivity.outgoing();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Flux<OpenAiChunk> upstream = proxy.stream(call, req, candidates)
                .onErrorMap(GatewayException.class, e -> call.committed() ? e : FailClosedErrors.map(e, decision));
        Flux<OpenAiChunk> chunks = StreamRestorer.apply(upstream, sensitivity.restore())
                .doOnError(failure::set)
                .doFinally(signal -> {
                    Throwable t = failure.get();
                    GatewayException err = t == null ? null : StreamingResponse.asGatewayError(t);
                    finish(call, call.committed() || err == null ? 200 : err.status(), err, signal == SignalType.CANCEL);
                });
        return Mono.just(new StreamingResponse(chunks, call, req.includeUsage(), h -> proxiedHeaders(h, call)));
    }

    private void proxiedHeaders(HttpHeaders h, CallContext call) {
        if (call.deploymentId() != null) {
            h.set(GatewayHeaders.DEPLOYMENT, call.deploymentId());
        }
        if (call.rule() != null) {
            h.set(GatewayHeaders.ROUTE, call.rule());
        }
        if (call.dataClass() != null) {
            h.set(GatewayHeaders.DATA_CLASS, call.dataClass());
        }
        long overhead = call.overheadNanos();
        if (overhead > 0) {
            h.set(GatewayHeaders.OVERHEAD_MS, millis(overhead));
        }
    }

    /** Nanoseconds as milliseconds with three decimals ("0.412"), without a Formatter on every response. */
    static String millis(long nanos) {
        long micros = (nanos + 500) / 1000;
        long frac = micros % 1000;
        return (micros / 1000) + (frac < 10 ? ".00" : frac < 100 ? ".0" : ".") + frac;
    }

    /** Errors name the data class (and route) too, once the request got that far. */
    private static void errorHeaders(HttpHeaders h, CallContext call) {
        if (call.rule() != null) {
            h.set(GatewayHeaders.ROUTE, call.rule());
        }
        if (call.dataClass() != null) {
            h.set(GatewayHeaders.DATA_CLASS, call.dataClass());
        }
    }

    private void finish(CallContext call, int status, GatewayException error, boolean cancelled) {
        call.finish(status, error, cancelled);
        observer.completed(call);
    }

    private static String op(OpenAiRequest req) {
        return req.operation().id();
    }

    static String truncate(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "..." : s;
    }
}
