package io.llmgateway.gateway.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * An in-process upstream whose behaviour each test scripts: records every request it receives and
 * counts connections the client closed before the answer was complete.
 */
public final class FakeUpstream implements AutoCloseable {

    /** What the upstream saw of one request. */
    public record Received(String method, String path, String body, java.util.Map<String, String> headers) {
    }

    private final DisposableServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger closedByClient = new AtomicInteger();
    private volatile BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> behaviour;

    public FakeUpstream(BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> behaviour) {
        this.behaviour = behaviour;
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle((req, res) -> req.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                        .flatMap(body -> {
                            java.util.Map<String, String> h = new java.util.HashMap<>();
                            req.requestHeaders().forEach(e -> h.put(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue()));
                            received.add(new Received(req.method().name(), req.uri(), body, h));
                            java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
                            req.withConnection(c -> c.onDispose(() -> {
                                if (!done.get()) {
                                    closedByClient.incrementAndGet();
                                }
                            }));
                            return Mono.from(this.behaviour.apply(req, res)).doOnSuccess(v -> done.set(true));
                        }))
                .bindNow(Duration.ofSeconds(10));
    }

    public void behave(BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> behaviour) {
        this.behaviour = behaviour;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1";
    }

    public List<Received> received() {
        return received;
    }

    public int closedByClient() {
        return closedByClient.get();
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
    }

    // ---- canned behaviours ----

    public static Publisher<Void> json(HttpServerResponse res, int status, String body) {
        return res.status(status).header("content-type", "application/json").sendString(Mono.just(body)).then();
    }

    public static String chatCompletion(String content, int prompt, int completion) {
        return """
                {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"up-model",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"%s"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}"""
                .formatted(content, prompt, completion, prompt + completion).replace("\n", "");
    }

    public static String chunk(String content) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"up-model\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content + "\"},\"finish_reason\":null}]}";
    }

    public static String finishChunk() {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"up-model\","
                + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}";
    }

    public static String usageChunk(int prompt, int completion) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"up-model\","
                + "\"choices\":[],\"usage\":{\"prompt_tokens\":" + prompt + ",\"completion_tokens\":" + completion
                + ",\"total_tokens\":" + (prompt + completion) + "}}";
    }

    public static String sse(String data) {
        return "data: " + data + "\n\n";
    }
}
