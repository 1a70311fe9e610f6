package io.llmgateway.sim.internal.http;

import io.llmgateway.sim.internal.engine.EngineRequest;
import io.llmgateway.sim.internal.metrics.RequestObservation;
import io.llmgateway.sim.internal.protocol.ApiException;
import io.llmgateway.sim.internal.protocol.ChatCall;
import io.llmgateway.sim.internal.protocol.ChatRenderer;
import io.llmgateway.sim.internal.protocol.ChatRequestParser;
import io.llmgateway.sim.internal.protocol.CompletionCall;
import io.llmgateway.sim.internal.protocol.CompletionScript;
import io.llmgateway.sim.internal.protocol.EmbeddingCall;
import io.llmgateway.sim.internal.protocol.EmbeddingRenderer;
import io.llmgateway.sim.internal.protocol.Json;
import io.llmgateway.sim.internal.protocol.ResponseIdentity;
import io.llmgateway.sim.internal.protocol.ResponseRenderer;
import io.llmgateway.sim.internal.protocol.SamplingParams;
import io.llmgateway.sim.internal.protocol.ScriptPlanner;
import io.llmgateway.sim.internal.protocol.TextCompletionRenderer;
import io.llmgateway.sim.internal.text.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/** {@code POST /v1/chat/completions}, {@code /v1/completions} and {@code /v1/embeddings}. */
final class InferenceHandler {
    private final NodeContext ctx;
    private final ApiRateLimiter rateLimiter;
    private final AtomicLong requestCounter = new AtomicLong();

    InferenceHandler(NodeContext ctx) {
        this.ctx = ctx;
        var api = ctx.config().profile().api();
        this.rateLimiter = api == null || api.requestsPerMinute() == 0 && api.tokensPerMinute() == 0 ? null
                : new ApiRateLimiter(api.requestsPerMinute(), api.tokensPerMinute());
    }

    Mono<Void> chat(HttpServerRequest req, HttpServerResponse res, RequestScope scope) {
        return body(req).flatMap(json -> {
            ChatCall call = ChatRequestParser.parse(json, ctx.models(), ctx.defaultModel(false));
            admit(res, call.promptTokens(), call.params());
            CompletionScript script = ScriptPlanner.chat(call, ctx.config().seed());
            var ident = ResponseIdentity.create("chatcmpl-", call.model().name(), ctx.systemFingerprint());
            return generate(res, scope, script, new ChatRenderer(ident), call.params(), call.promptHash());
        });
    }

    Mono<Void> completions(HttpServerRequest req, HttpServerResponse res, RequestScope scope) {
        return body(req).flatMap(json -> {
            CompletionCall call = CompletionCall.parse(json, ctx.models(), ctx.defaultModel(false));
            admit(res, call.promptTokens(), call.params());
            CompletionScript script = ScriptPlanner.completion(call, ctx.config().seed());
            var ident = ResponseIdentity.create("cmpl-", call.model().name(), ctx.systemFingerprint());
            long hash = call.prompts().get(0).hash();
            return generate(res, scope, script, new TextCompletionRenderer(ident), call.params(), hash);
        });
    }

    Mono<Void> embeddings(HttpServerRequest req, HttpServerResponse res, RequestScope scope) {
        return body(req).flatMap(json -> {
            EmbeddingCall call = EmbeddingCall.parse(json, ctx.models(), ctx.defaultModel(true));
            admit(res, call.promptTokens(), null);
            String model = call.model().name();
            EngineRequest work = checked(new EngineRequest(model, call.promptTokens(), new int[0], seed(0)));
            RequestObservation obs = ctx.metrics().observe(model, call.promptTokens());
            var ident = ResponseIdentity.create("embd-", model, null);
            return StepFaults.apply(ctx.engine().submit(work), scope.faults(), scope::dropConnection, scope::faultHit)
                    .then(Mono.fromCallable(() -> {
                        obs.succeeded("stop");
                        return EmbeddingRenderer.body(call, ident);
                    }))
                    .flatMap(body -> HttpReplies.json(res, 200, body));
        });
    }

    private Mono<JsonNode> body(HttpServerRequest req) {
        return req.receive().aggregate().asString().defaultIfEmpty("").map(Json::parseObject);
    }

    /** Closed-API rate limits: sets the x-ratelimit-* headers, throws the 429 when refused. */
    private void admit(HttpServerResponse res, int promptTokens, SamplingParams params) {
        if (rateLimiter == null) {
            return;
        }
        long tokens = promptTokens + (params != null && params.maxTokens() != null ? params.maxTokens() : 0);
        ApiRateLimiter.Decision d = rateLimiter.admit(tokens);
        d.headers().forEach(res::header);
        if (!d.admitted()) {
            res.header("Retry-After", Long.toString(d.retryAfterSeconds()));
            throw d.refusal();
        }
    }

    private Mono<Void> generate(HttpServerResponse res, RequestScope scope, CompletionScript script,
                                ResponseRenderer renderer, SamplingParams params, long promptHash) {
        EngineRequest work = checked(new EngineRequest(script.model(), script.promptTokens(), script.lengths(),
                seed(promptHash)));
        RequestObservation obs = ctx.metrics().observe(script.model(), script.promptTokens());
        String finish = script.choices().get(0).finishReason();
        Flux<Integer> steps = StepFaults.apply(
                ctx.engine().submit(work).doOnNext(s -> obs.step(script.tokensAtStep(s))).publishOn(scope.eventLoop()),
                scope.faults(), scope::dropConnection, scope::faultHit);
        if (!params.stream()) {
            AtomicBoolean malformed = new AtomicBoolean();
            return steps.doOnNext(s -> malformed.compareAndSet(false, s == StepFaults.MALFORMED))
                    .then(Mono.fromCallable(() -> {
                        obs.succeeded(finish);
                        String body = renderer.body(script);
                        return malformed.get() ? body.substring(0, body.length() / 2) : body;
                    }))
                    .flatMap(body -> HttpReplies.json(res, 200, body));
        }
        return HttpReplies.sse(res, events(script, renderer, steps, () -> obs.succeeded(finish), params.includeUsage()));
    }

    /** SSE events: role chunks with the first token, token chunks, optional usage chunk, {@code [DONE]}. */
    private static Flux<String> events(CompletionScript script, ResponseRenderer renderer, Flux<Integer> steps,
                                       Runnable succeeded, boolean includeUsage) {
        AtomicBoolean opened = new AtomicBoolean();
        Flux<String> tokens = steps.concatMapIterable(s -> {
            if (s == StepFaults.MALFORMED) {
                return List.of(renderer.malformed());
            }
            List<String> out = new ArrayList<>();
            if (opened.compareAndSet(false, true)) {
                out.addAll(renderer.opening(script));
            }
            out.addAll(renderer.step(script, s));
            return out;
        });
        Flux<String> tail = Flux.defer(() -> {
            List<String> out = new ArrayList<>();
            if (opened.compareAndSet(false, true)) {
                out.addAll(renderer.opening(script));
            }
            succeeded.run();
            if (includeUsage) {
                out.add(renderer.usage(script));
            }
            out.add("[DONE]");
            return Flux.fromIterable(out);
        });
        return tokens.concatWith(tail).map(HttpReplies::event);
    }

    private EngineRequest checked(EngineRequest work) {
        try {
            ctx.engine().checkCapacity(work);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage(), null);
        }
        return work;
    }

    /** Seeds sampled latencies: deterministic for a given node seed and request order. */
    private long seed(long promptHash) {
        return Seeds.mix(ctx.config().seed(), promptHash, requestCounter.incrementAndGet());
    }
}
