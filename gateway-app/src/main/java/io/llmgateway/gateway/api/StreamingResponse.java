package io.llmgateway.gateway.api;

import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.error.OpenAiErrorBody;
import io.llmgateway.adapter.schema.OpenAiChunk;
import io.llmgateway.adapter.sse.SseFrames;
import io.llmgateway.gateway.proxy.CallContext;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An SSE answer whose status is decided by its first signal: if the upstream fails before the first
 * chunk, the client gets a plain JSON error with the right status (no half-open 200); otherwise a
 * 200 {@code text/event-stream} where every event is written and flushed as soon as it is relayed. A failure after
 * that ends the stream with an OpenAI error event and no {@code [DONE]}, which the OpenAI SDKs raise
 * as an error. Cancelling (client gone) cancels the upstream.
 */
final class StreamingResponse implements ServerResponse {

    private static final MediaType EVENT_STREAM = MediaType.parseMediaType("text/event-stream;charset=UTF-8");

    private final Flux<OpenAiChunk> chunks;
    private final CallContext call;
    private final boolean includeUsage;
    private final Consumer<HttpHeaders> onCommit;
    private final HttpHeaders headers = new HttpHeaders();
    private volatile HttpStatusCode status = HttpStatus.OK;

    StreamingResponse(Flux<OpenAiChunk> chunks, CallContext call, boolean includeUsage, Consumer<HttpHeaders> onCommit) {
        this.chunks = chunks;
        this.call = call;
        this.includeUsage = includeUsage;
        this.onCommit = onCommit;
    }

    @Override
    public HttpStatusCode statusCode() {
        return status;
    }

    @Override
    public HttpHeaders headers() {
        return headers;
    }

    @Override
    public MultiValueMap<String, ResponseCookie> cookies() {
        return new LinkedMultiValueMap<>();
    }

    @Override
    public Mono<Void> writeTo(ServerWebExchange exchange, Context context) {
        ServerHttpResponse response = exchange.getResponse();
        Flux<byte[]> frames = chunks
                .filter(c -> c.kind() != OpenAiChunk.Kind.USAGE_ONLY || includeUsage)
                .map(c -> SseFrames.data(c.json()))
                .concatWith(Mono.fromSupplier(() -> SseFrames.DONE))
                .onErrorResume(e -> call.committed() ? Flux.just(errorFrame(e)) : Flux.error(e));
        return frames.switchOnFirst((first, all) -> {
            if (first.isOnError()) {
                GatewayException e = asGatewayError(first.getThrowable());
                return writeError(response, e);
            }
            status = HttpStatus.OK;
            response.setStatusCode(HttpStatus.OK);
            HttpHeaders h = response.getHeaders();
            h.setContentType(EVENT_STREAM);
            h.setCacheControl("no-cache");
            h.set("X-Accel-Buffering", "no");
            h.addAll(headers);
            call.firstByte();
            onCommit.accept(h);
            // Reactor Netty writes each event as it comes and flushes once no further event is ready (a task on the
            // connection's loop), so a lone event is flushed at once and a burst with one flush; writeAndFlushWith
            // made a publisher and a send operation per event
            return response.writeWith(all.map(bytes -> response.bufferFactory().wrap(bytes)));
        }, false).then();
    }

    private Mono<Void> writeError(ServerHttpResponse response, GatewayException e) {
        status = HttpStatus.valueOf(e.status());
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        if (e.retryAfter() != null) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER,
                    Long.toString(Math.max(1, (e.retryAfter().toMillis() + 999) / 1000)));
        }
        onCommit.accept(response.getHeaders());
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(OpenAiErrorBody.bytes(e))));
    }

    private static byte[] errorFrame(Throwable t) {
        return SseFrames.data(OpenAiErrorBody.json(asGatewayError(t)));
    }

    static GatewayException asGatewayError(Throwable t) {
        if (t instanceof GatewayException g) {
            return g;
        }
        return GatewayException.builder(ErrorKind.INTERNAL, "internal gateway error").cause(t).build();
    }

}
