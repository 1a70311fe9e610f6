package io.llmgateway.gateway.replay;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Flux;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * An in-process upstream (Reactor Netty, port 0) that answers with whatever the current test put in
 * it (usually a recorded response), written in small pieces as a network delivers them, and keeps
 * every request it was sent.
 */
final class ReplayUpstream implements AutoCloseable {

    record Received(String uri, Map<String, String> headers, String body) {
    }

    private record Answer(int status, String contentType, byte[] body) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Answer answer = new Answer(500, "text/plain", "no answer scripted".getBytes(StandardCharsets.UTF_8));
    private final DisposableServer server;

    ReplayUpstream() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((req, res) -> req.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                        .flatMap(body -> {
                            Map<String, String> h = new TreeMap<>();
                            req.requestHeaders().forEach(e -> h.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue()));
                            received.add(new Received(req.uri(), h, body));
                            Answer a = answer;
                            int pieces = (a.body().length + 255) / 256;
                            return res.status(a.status()).header("content-type", a.contentType())
                                    .sendByteArray(Flux.range(0, pieces).map(i -> java.util.Arrays.copyOfRange(a.body(), i * 256,
                                            Math.min(a.body().length, i * 256 + 256))))
                                    .then();
                        }))
                .bindNow(Duration.ofSeconds(10));
    }

    /** Answers every following request with this. */
    ReplayUpstream answer(int status, String contentType, String body) {
        received.clear();
        answer = new Answer(status, contentType, body.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    Received last() {
        return received.get(received.size() - 1);
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
    }
}
