package io.llmgateway.sim.internal.http;

import io.llmgateway.sim.ErrorBodyFormat;
import io.llmgateway.sim.internal.protocol.ApiException;
import io.llmgateway.sim.internal.protocol.ErrorBodies;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.nio.charset.StandardCharsets;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/** Writes complete JSON/text replies, error replies and SSE streams (flushed per event). */
final class HttpReplies {
    static final String JSON = "application/json";
    static final String SSE = "text/event-stream; charset=utf-8";

    private HttpReplies() {
    }

    static Mono<Void> json(HttpServerResponse res, int status, String body) {
        return text(res, status, JSON, body);
    }

    static Mono<Void> text(HttpServerResponse res, int status, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return res.status(status)
                .header(HttpHeaderNames.CONTENT_TYPE, contentType)
                .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(bytes.length))
                .sendByteArray(Mono.just(bytes))
                .then();
    }

    static Mono<Void> error(HttpServerResponse res, ApiException e, ErrorBodyFormat format) {
        return json(res, e.status(), ErrorBodies.render(e, format));
    }

    /** Sends headers at once, then each event as its own flushed chunk: nothing is buffered. */
    static Mono<Void> sse(HttpServerResponse res, Flux<String> events) {
        res.status(200)
                .header(HttpHeaderNames.CONTENT_TYPE, SSE)
                .header(HttpHeaderNames.CACHE_CONTROL, "no-cache");
        return res.sendHeaders()
                .send(events.map(e -> ByteBufUtil.writeUtf8(res.alloc(), e)), buf -> true)
                .then();
    }

    static String event(String payload) {
        return "data: " + payload + "\n\n";
    }
}
