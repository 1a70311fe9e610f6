package io.llmgateway.gateway.api;

import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.schema.OpenAiChunk;
import io.llmgateway.adapter.schema.OpenAiRequest;
import io.llmgateway.adapter.schema.Operation;
import io.llmgateway.adapter.schema.RequestText;
import io.llmgateway.gateway.auth.ApiKeyAuthenticator;
import io.llmgateway.gateway.observe.CallObserver;
import io.llmgateway.gateway.proxy.CallContext;
import io.llmgateway.gateway.proxy.ProxyService;
import io.llmgateway.gateway.routing.DeploymentRuntime;
import io.llmgateway.gateway.routing.RoutingState;
import io.llmgateway.gateway.routing.RoutingStateHolder;
import io.llmgateway.policy.App;
import io.llmgateway.policy.route.Planner;
import io.llmgateway.policy.route.RequestFacts;
import io.llmgateway.policy.route.RoutePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private final Planner planner;
    private final ProxyService proxy;
    private final CallObserver observer;

    public OpenAiHandler(RoutingStateHolder routing, ApiKeyAuthenticator authenticator, int maxBodyBytes,
                         Planner planner, ProxyService proxy, CallObserver observer) {
        this.routing = routing;
        this.authenticator = authenticator;
        this.bodies = new RequestBodyReader(maxBodyBytes);
        this.planner = planner;
        this.proxy = proxy;
        this.observer = observer;
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
        RoutingState state = routing.current();
        return Mono.defer(() -> {
                    App app = authenticator.authenticate(r.headers().asHttpHeaders(), state);
                    call.app(app.id());
                    return bodies.read(r).flatMap(bytes -> dispatch(call, state, app, OpenAiRequest.parse(op, bytes), r));
                })
                .onErrorResume(GatewayException.class, e -> {
                    finish(call, e.status(), e, false);
                    return ErrorResponses.of(e);
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
        RequestFacts facts = new RequestFacts(app.id(), alias, op(req), call.promptEstimate(), req.maxTokens(),
                req.stream(), req.hasTools(), Map.of());
        RoutePlan plan = planner.plan(state.policy(), facts);
        call.rule(plan.rule());
        List<DeploymentRuntime> candidates = new ArrayList<>(plan.candidates().size());
        for (RoutePlan.Candidate c : plan.candidates()) {
            candidates.add(state.deployment(c.deployment().id()));
        }
        if (candidates.isEmpty()) {
            throw GatewayException.of(ErrorKind.NO_BACKEND, "No deployment can serve model '" + alias + "' right now.");
        }
        return req.stream() ? stream(call, req, candidates) : complete(call, req, candidates);
    }

    private Mono<ServerResponse> complete(CallContext call, OpenAiRequest req, List<DeploymentRuntime> candidates) {
        return proxy.complete(call, req, candidates).flatMap(res -> {
            call.firstByte();
            finish(call, 200, null, false);
            return ServerResponse.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .headers(h -> proxiedHeaders(h, call))
                    .bodyValue(res.json());
        });
    }

    private Mono<ServerResponse> stream(CallContext call, OpenAiRequest req, List<DeploymentRuntime> candidates) {
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Flux<OpenAiChunk> chunks = proxy.stream(call, req, candidates)
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
        long overhead = call.overheadNanos();
        if (overhead > 0) {
            h.set(GatewayHeaders.OVERHEAD_MS, String.format(java.util.Locale.ROOT, "%.3f", overhead / 1e6));
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
