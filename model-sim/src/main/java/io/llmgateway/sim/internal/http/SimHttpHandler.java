package io.llmgateway.sim.internal.http;

import io.llmgateway.sim.ErrorBodyFormat;
import io.llmgateway.sim.FaultConfig;
import io.llmgateway.sim.internal.metrics.PrometheusText;
import io.llmgateway.sim.internal.protocol.ApiException;
import io.llmgateway.sim.internal.protocol.ModelListRenderer;
import io.llmgateway.sim.internal.protocol.ServedModel;
import io.llmgateway.sim.internal.text.Seeds;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Routes one node's HTTP requests. {@code /v1/*} requests pass the node's faults first (hang, wrong
 * content type, injected statuses), then authentication, then their endpoint. {@code /health},
 * {@code /metrics} and {@code /admin/faults} are never faulted.
 */
public final class SimHttpHandler implements BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {
    private static final Logger log = LoggerFactory.getLogger(SimHttpHandler.class);
    private static final String NOT_FOUND = "{\"detail\":\"Not Found\"}";
    private static final String NOT_ALLOWED = "{\"detail\":\"Method Not Allowed\"}";

    private final NodeContext ctx;
    private final InferenceHandler inference;
    private final AdminHandler admin;
    private final ModelListRenderer modelCards;
    private final AtomicLong requestCounter = new AtomicLong();

    public SimHttpHandler(NodeContext ctx) {
        this.ctx = ctx;
        this.inference = new InferenceHandler(ctx);
        this.admin = new AdminHandler(ctx);
        this.modelCards = new ModelListRenderer(ctx.closedApi() ? "system" : "vllm");
    }

    @Override
    public Publisher<Void> apply(HttpServerRequest req, HttpServerResponse res) {
        String path = req.uri().split("\\?", 2)[0];
        if (path.startsWith("/v1/")) {
            return api(req, res, path);
        }
        return switch (path) {
            case "/health", "/ping" -> HttpReplies.text(res, 200, "text/plain", "");
            case "/version" -> HttpReplies.json(res, 200, "{\"version\":\"0.8.5-sim\"}");
            case "/metrics" -> HttpReplies.text(res, 200, PrometheusText.CONTENT_TYPE,
                    PrometheusText.render(ctx.config().id(), ctx.metrics(), ctx.engine().load()));
            case "/admin/faults" -> admin.faults(req, res);
            default -> HttpReplies.json(res, 404, NOT_FOUND);
        };
    }

    private Mono<Void> api(HttpServerRequest req, HttpServerResponse res, String path) {
        AtomicReference<Connection> connection = new AtomicReference<>();
        res.withConnection(connection::set);
        FaultConfig faults = ctx.faults().get();
        RequestScope scope = new RequestScope(faults, connection.get(), ctx.metrics());
        ctx.metrics().requestStarted();
        Mono<Void> work = Mono.defer(() -> faultsBeforeHeaders(req, res, scope))
                .switchIfEmpty(Mono.defer(() -> route(req, res, path, scope)))
                .onErrorResume(ApiException.class, e -> fail(res, e, ctx.nativeFormat()))
                .onErrorResume(e -> !(e instanceof ApiException) && !res.hasSentHeaders(), e -> {
                    log.warn("node {}: {} {} failed: {}", ctx.config().id(), req.method(), path, e.toString());
                    return fail(res, ApiException.internal(e.getMessage()), ctx.nativeFormat());
                })
                .doOnCancel(() -> ctx.metrics().requestCancelled());
        Mono<Void> clientGone = connection.get() == null ? Mono.never() : connection.get().onDispose();
        return Mono.firstWithSignal(work, clientGone).doFinally(s -> ctx.metrics().requestEnded());
    }

    /** A reply that replaces the real one, or empty to go on. */
    private Mono<Void> faultsBeforeHeaders(HttpServerRequest req, HttpServerResponse res, RequestScope scope) {
        FaultConfig f = scope.faults();
        if (f.hangBeforeHeaders()) {
            scope.faultHit();
            return Mono.never();
        }
        if (f.wrongContentType()) {
            scope.faultHit();
            return HttpReplies.text(res, 200, "text/html; charset=utf-8",
                    "<html><head><title>Maintenance</title></head><body><h1>Service temporarily unavailable</h1></body></html>");
        }
        if (ctx.config().requireApiKey()
                && !("Bearer " + ctx.config().apiKey()).equals(req.requestHeaders().get(HttpHeaderNames.AUTHORIZATION))) {
            return fail(res, ApiException.unauthorized(), ErrorBodyFormat.OPENAI);
        }
        SplittableRandom draw = new SplittableRandom(Seeds.mix(ctx.config().seed(), requestCounter.incrementAndGet()));
        if (f.statusRate() > 0 && draw.nextDouble() < f.statusRate()) {
            scope.faultHit();
            res.header("Retry-After", Integer.toString(f.retryAfterSeconds()));
            return fail(res, ApiException.injected(f.status()), ctx.resolve(f.statusBody()));
        }
        if (f.errorRate() > 0 && draw.nextDouble() < f.errorRate()) {
            scope.faultHit();
            return fail(res, ApiException.injected(500), ctx.resolve(f.statusBody()));
        }
        return Mono.empty();
    }

    private Mono<Void> route(HttpServerRequest req, HttpServerResponse res, String path, RequestScope scope) {
        boolean post = req.method().equals(HttpMethod.POST);
        boolean get = req.method().equals(HttpMethod.GET);
        switch (path) {
            case "/v1/chat/completions":
                return post ? inference.chat(req, res, scope) : HttpReplies.json(res, 405, NOT_ALLOWED);
            case "/v1/completions":
                return post ? inference.completions(req, res, scope) : HttpReplies.json(res, 405, NOT_ALLOWED);
            case "/v1/embeddings":
                return post ? inference.embeddings(req, res, scope) : HttpReplies.json(res, 405, NOT_ALLOWED);
            case "/v1/models":
                return get ? HttpReplies.json(res, 200, modelCards.list(ctx.models().all()))
                        : HttpReplies.json(res, 405, NOT_ALLOWED);
            default:
                if (get && path.startsWith("/v1/models/")) {
                    String id = URLDecoder.decode(path.substring("/v1/models/".length()), StandardCharsets.UTF_8);
                    ServedModel m = ctx.models().find(id);
                    return m == null ? fail(res, ApiException.modelNotFound(id), ctx.nativeFormat())
                            : HttpReplies.json(res, 200, modelCards.one(m));
                }
                return HttpReplies.json(res, 404, NOT_FOUND);
        }
    }

    private Mono<Void> fail(HttpServerResponse res, ApiException e, ErrorBodyFormat format) {
        ctx.metrics().requestFailed();
        return HttpReplies.error(res, e, format);
    }
}
