package io.llmgateway.gateway.proxy;

import io.llmgateway.adapter.StreamTranslator;
import io.llmgateway.adapter.client.UpstreamClient;
import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.schema.AdapterResponse;
import io.llmgateway.adapter.schema.OpenAiChunk;
import io.llmgateway.adapter.schema.OpenAiRequest;
import io.llmgateway.gateway.routing.DeploymentRuntime;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Executes a route plan: tries the candidates in order through their adapters, failing over on
 * retryable errors as long as nothing has reached the client. Once the first chunk of a stream is
 * out, an upstream failure ends the stream with an error event instead (see StreamingResponse).
 */
public final class ProxyService {

    private final UpstreamClient client;

    public ProxyService(UpstreamClient client) {
        this.client = client;
    }

    public Mono<AdapterResponse> complete(CallContext call, OpenAiRequest request, List<DeploymentRuntime> candidates) {
        return completeFrom(call, request, candidates, 0, null);
    }

    public Flux<OpenAiChunk> stream(CallContext call, OpenAiRequest request, List<DeploymentRuntime> candidates) {
        return streamFrom(call, request, candidates, 0, null);
    }

    private Mono<AdapterResponse> completeFrom(CallContext call, OpenAiRequest request,
                                               List<DeploymentRuntime> candidates, int i, GatewayException last) {
        if (i >= candidates.size()) {
            return Mono.error(exhausted(last));
        }
        DeploymentRuntime d = candidates.get(i);
        if (!d.adapter().supports(request.operation())) {
            return completeFrom(call, request, candidates, i + 1, unsupported(d, request));
        }
        return Mono.defer(() -> {
                    call.attemptStarted(d.id());
                    return client.call(d.adapter(), request, d.target());
                })
                .doOnNext(r -> {
                    call.upstreamFirst();
                    call.usage(r.usage());
                    call.attemptEnded(d.id(), "ok");
                })
                .onErrorResume(GatewayException.class, e -> {
                    call.attemptEnded(d.id(), e.kind().name().toLowerCase(java.util.Locale.ROOT));
                    return e.retryable() ? completeFrom(call, request, candidates, i + 1, e) : Mono.error(e);
                });
    }

    private Flux<OpenAiChunk> streamFrom(CallContext call, OpenAiRequest request,
                                         List<DeploymentRuntime> candidates, int i, GatewayException last) {
        if (i >= candidates.size()) {
            return Flux.error(exhausted(last));
        }
        DeploymentRuntime d = candidates.get(i);
        if (!d.adapter().supports(request.operation())) {
            return streamFrom(call, request, candidates, i + 1, unsupported(d, request));
        }
        return Flux.defer(() -> {
            call.attemptStarted(d.id());
            StreamTranslator translator = d.adapter().streamTranslator(request, d.target());
            StreamUsage usage = new StreamUsage(call, translator);
            return client.stream(d.adapter(), request, d.target(), translator)
                    .doOnNext(chunk -> {
                        call.upstreamFirst();
                        usage.onChunk(chunk);
                    })
                    .doOnComplete(() -> call.attemptEnded(d.id(), "ok"))
                    .doOnCancel(() -> call.attemptEnded(d.id(), "cancelled"))
                    // settle before the terminal signal travels on: observers downstream read the usage
                    .doOnTerminate(usage::settle)
                    .doOnCancel(usage::settle)
                    .onErrorResume(GatewayException.class, e -> {
                        call.attemptEnded(d.id(), e.kind().name().toLowerCase(java.util.Locale.ROOT));
                        if (!call.committed() && !usage.anyChunk() && e.retryable()) {
                            return streamFrom(call, request, candidates, i + 1, e);
                        }
                        return Flux.error(e);
                    });
        });
    }

    private static GatewayException unsupported(DeploymentRuntime d, OpenAiRequest request) {
        return GatewayException.of(ErrorKind.INVALID_REQUEST,
                "deployment '" + d.id() + "' (api " + d.adapter().api() + ") does not support " + request.operation().path());
    }

    private static GatewayException exhausted(GatewayException last) {
        return last != null ? last : GatewayException.of(ErrorKind.NO_BACKEND, "no deployment is available for this model");
    }
}
