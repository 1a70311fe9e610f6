package io.llmgateway.adapter.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiFunction;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/** An in-process upstream (Reactor Netty on port 0) that records requests and the connections they came on. */
final class FakeServer implements AutoCloseable {

    record Seen(String method, String uri, Map<String, String> headers, String body, String remote) {
    }

    final List<Seen> seen = new CopyOnWriteArrayList<>();
    final CountDownLatch closedByClient = new CountDownLatch(1);
    private final DisposableServer server;

    FakeServer(BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> behaviour) {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((req, res) -> req.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                        .flatMap(body -> {
                            Map<String, String> h = new java.util.TreeMap<>();
                            req.requestHeaders().forEach(e -> h.put(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue()));
                            seen.add(new Seen(req.method().name(), req.uri(), h, body, String.valueOf(req.remoteAddress())));
                            java.util.concurrent.atomic.AtomicBoolean answered = new java.util.concurrent.atomic.AtomicBoolean();
                            req.withConnection(c -> c.onDispose(() -> {
                                if (!answered.get()) {
                                    closedByClient.countDown();
                                }
                            }));
                            return Mono.from(behaviour.apply(req, res)).doOnTerminate(() -> answered.set(true));
                        }))
                .bindNow(Duration.ofSeconds(10));
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
    }

    static Publisher<Void> json(HttpServerResponse res, int status, String body) {
        return res.status(status).header("content-type", "application/json").sendString(Mono.just(body)).then();
    }
}
