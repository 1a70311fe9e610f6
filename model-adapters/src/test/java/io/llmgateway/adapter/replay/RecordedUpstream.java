package io.llmgateway.adapter.replay;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Flux;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * An in-process upstream (Reactor Netty, port 0) that answers every request with one recorded
 * response, sent in several writes as a network would, and keeps what it was sent.
 */
final class RecordedUpstream implements AutoCloseable {

    record Received(String uri, Map<String, String> headers, String body) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final DisposableServer server;

    RecordedUpstream(int status, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((req, res) -> req.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                        .flatMap(b -> {
                            Map<String, String> h = new java.util.TreeMap<>();
                            req.requestHeaders().forEach(e -> h.put(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue()));
                            received.add(new Received(req.uri(), h, b));
                            return res.status(status).header("content-type", contentType)
                                    .sendByteArray(Flux.range(0, (bytes.length + 99) / 100)
                                            .map(i -> java.util.Arrays.copyOfRange(bytes, i * 100, Math.min(bytes.length, i * 100 + 100))))
                                    .then();
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
}
