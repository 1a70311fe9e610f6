package io.llmgateway.gateway.faults;

import static io.llmgateway.gateway.support.FakeUpstream.chatCompletion;
import static io.llmgateway.gateway.support.FakeUpstream.chunk;
import static io.llmgateway.gateway.support.FakeUpstream.finishChunk;
import static io.llmgateway.gateway.support.FakeUpstream.json;
import static io.llmgateway.gateway.support.FakeUpstream.sse;
import static io.llmgateway.gateway.support.FakeUpstream.usageChunk;

import io.llmgateway.gateway.support.FakeUpstream;
import java.net.ServerSocket;
import java.time.Duration;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/** Scripted upstream behaviours, one per fault, plus a healthy one that answers streams and non-streams alike. */
final class Upstreams {

    private Upstreams() {
    }

    /** A healthy answer: a stream if the request that just arrived asked for one. */
    static Publisher<Void> healthy(FakeUpstream up, HttpServerResponse res, String content) {
        var received = up.received();
        boolean stream = !received.isEmpty() && received.get(received.size() - 1).body().contains("\"stream\":true");
        return stream
                ? res.header("content-type", "text/event-stream").sendString(Flux.just(sse(chunk(content)), sse(finishChunk()),
                        sse(usageChunk(5, 1)), "data: [DONE]\n\n")).then()
                : json(res, 200, chatCompletion(content, 5, 1));
    }

    static Publisher<Void> status(HttpServerResponse res, int status, String retryAfter) {
        HttpServerResponse r = res.status(status).header("content-type", "application/json");
        if (retryAfter != null) {
            r = r.header("retry-after", retryAfter);
        }
        return r.sendString(Mono.just("{\"error\":{\"message\":\"injected " + status + "\",\"type\":\"server_error\"}}")).then();
    }

    static Publisher<Void> hangBeforeHeaders() {
        return Mono.never();
    }

    static Publisher<Void> hangMidStream(HttpServerResponse res) {
        return res.header("content-type", "text/event-stream").sendString(Flux.just(sse(chunk("partial"))).concatWith(Flux.never())).then();
    }

    static Publisher<Void> slowDrip(HttpServerResponse res) {
        return res.header("content-type", "text/event-stream").sendString(Flux.interval(Duration.ofMillis(300)).take(4)
                .map(i -> sse(chunk("t" + i))).concatWith(Flux.just(sse(finishChunk()), "data: [DONE]\n\n"))).then();
    }

    static Publisher<Void> malformedJson(HttpServerResponse res) {
        return json(res, 200, "{\"id\":\"chatcmpl-1\",\"choices\":[{oops");
    }

    static Publisher<Void> malformedSse(HttpServerResponse res, boolean afterFirstChunk) {
        Flux<String> events = afterFirstChunk ? Flux.just(sse(chunk("ok")), "data: {not json at all\n\n") : Flux.just("data: {not json at all\n\n");
        return res.header("content-type", "text/event-stream").sendString(events.concatWith(Flux.just("data: [DONE]\n\n"))).then();
    }

    /** Sends one event, then the connection is torn down mid-answer. */
    static Publisher<Void> resetMidStream(HttpServerResponse res) {
        return res.header("content-type", "text/event-stream")
                .sendString(Flux.just(sse(chunk("partial"))).concatWith(Mono.delay(Duration.ofMillis(100))
                        .then(Mono.error(new IllegalStateException("injected reset"))))).then();
    }

    static Publisher<Void> wrongContentType(HttpServerResponse res) {
        return res.status(200).header("content-type", "text/html").sendString(Mono.just("<html>maintenance</html>")).then();
    }

    static int deadPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
