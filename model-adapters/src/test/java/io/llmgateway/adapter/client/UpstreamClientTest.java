package io.llmgateway.adapter.client;

import static io.llmgateway.adapter.client.FakeServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.adapter.UpstreamTarget;
import io.llmgateway.adapter.WireAdapter;
import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.ollama.OllamaAdapter;
import io.llmgateway.adapter.openai.OpenAiAdapter;
import io.llmgateway.adapter.schema.OpenAiChunk;
import io.llmgateway.adapter.schema.OpenAiRequest;
import io.llmgateway.adapter.schema.Operation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The client against in-process Reactor Netty upstreams: success, framing, errors, timeouts, pooling, cancellation. */
class UpstreamClientTest {

    static final String CHAT = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    static final String STREAM = "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    static final String ANSWER = "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"up-model\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4}}";
    static final String TOKEN = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"up-model\","
            + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ok\"},\"finish_reason\":null}]}";
    static final String FINISH = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"up-model\","
            + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}";
    static final String USAGE = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"up-model\","
            + "\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4}}";

    final WireAdapter openai = new OpenAiAdapter();
    final UpstreamClient client = new UpstreamClient(UpstreamClientConfig.DEFAULTS);
    FakeServer server;

    @AfterEach
    void close() {
        client.close();
        if (server != null) {
            server.close();
        }
    }

    static OpenAiRequest request(String body) {
        return OpenAiRequest.parse(Operation.CHAT, body.getBytes(StandardCharsets.UTF_8));
    }

    static String sse(String... events) {
        StringBuilder sb = new StringBuilder();
        for (String e : events) {
            sb.append("data: ").append(e).append("\n\n");
        }
        return sb.toString();
    }

    static Predicate<Throwable> kind(ErrorKind kind, String messagePart) {
        return t -> t instanceof GatewayException g && g.kind() == kind && g.getMessage().contains(messagePart);
    }

    Flux<OpenAiChunk> stream(WireAdapter adapter, OpenAiRequest req, UpstreamTarget target) {
        return client.stream(adapter, req, target, adapter.streamTranslator(req, target));
    }

    @Test
    void sendsTheTranslatedRequestAndReadsTheAnswer() {
        server = new FakeServer((req, res) -> json(res, 200, ANSWER));
        StepVerifier.create(client.call(openai, request(CHAT), Targets.to(server.url("/v1"))))
                .assertNext(r -> {
                    assertThat(new String(r.json(), StandardCharsets.UTF_8)).isEqualTo(ANSWER);
                    assertThat(r.usage().totalTokens()).isEqualTo(4);
                })
                .verifyComplete();
        FakeServer.Seen seen = server.seen.get(0);
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.uri()).isEqualTo("/v1/chat/completions");
        assertThat(seen.headers()).containsEntry("authorization", "Bearer sk-up")
                .containsEntry("content-length", String.valueOf(seen.body().getBytes(StandardCharsets.UTF_8).length))
                .doesNotContainKey("transfer-encoding");
        assertThat(seen.body()).contains("\"model\":\"up-model\"");
    }

    @Test
    void streamsChunksInOrderAndAcceptsAStreamWithoutDone() {
        server = new FakeServer((req, res) -> res.header("content-type", "text/event-stream")
                .sendString(Flux.just(sse(TOKEN), sse(FINISH), sse(USAGE))).then());
        StepVerifier.create(stream(openai, request(STREAM), Targets.to(server.url("/v1"))))
                .assertNext(c -> assertThat(c.json()).isEqualTo(TOKEN))
                .assertNext(c -> assertThat(c.json()).isEqualTo(FINISH))
                .assertNext(c -> assertThat(c.kind()).isEqualTo(OpenAiChunk.Kind.USAGE_ONLY))
                .verifyComplete();
        assertThat(server.seen.get(0).body()).contains("\"include_usage\":true");
    }

    @Test
    void aClientThatStopsReadingIsNotBlamedOnTheUpstream() {
        // the upstream keeps producing; the client takes one chunk and then requests nothing more
        server = new FakeServer((req, res) -> res.header("content-type", "text/event-stream")
                .sendString(Flux.interval(Duration.ofMillis(20)).map(i -> sse(TOKEN))).then());
        UpstreamTarget target = Targets.to(server.url("/v1"), Duration.ofSeconds(5), Duration.ofMillis(300), Duration.ofSeconds(30));
        StepVerifier.create(stream(openai, request(STREAM), target), 1)
                .expectNextCount(1)
                .expectErrorSatisfies(t -> {
                    GatewayException e = (GatewayException) t;
                    assertThat(e.kind()).isEqualTo(ErrorKind.CLIENT_STALLED);
                    assertThat(e.retryable()).isFalse();
                })
                .verify(Duration.ofSeconds(20));
    }

    @Test
    void anUpstreamThatStopsSendingWhileTheClientWaitsIsAnUpstreamTimeout() {
        server = new FakeServer((req, res) -> res.header("content-type", "text/event-stream")
                .sendString(Flux.just(sse(TOKEN)).concatWith(Flux.never())).then());
        UpstreamTarget target = Targets.to(server.url("/v1"), Duration.ofSeconds(5), Duration.ofMillis(300), Duration.ofSeconds(30));
        StepVerifier.create(stream(openai, request(STREAM), target), 5)
                .expectNextCount(1)
                .expectErrorMatches(kind(ErrorKind.TIMEOUT, "stalled"))
                .verify(Duration.ofSeconds(20));
    }

    @Test
    void aResponseThatIsNotHttpIsARetryableBadResponse() throws Exception {
        try (java.net.ServerSocket raw = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (java.net.Socket s = raw.accept()) {
                    s.getOutputStream().write("SSH-2.0-OpenSSH_9.2\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    Thread.sleep(500);
                } catch (Exception ignored) {
                    // the test only needs the bytes out
                }
            });
            t.setDaemon(true);
            t.start();
            StepVerifier.create(client.call(openai, request(CHAT), Targets.to("http://127.0.0.1:" + raw.getLocalPort() + "/v1")))
                    .expectErrorSatisfies(e -> {
                        GatewayException g = (GatewayException) e;
                        assertThat(g.kind()).isIn(ErrorKind.UPSTREAM_BAD_RESPONSE, ErrorKind.UPSTREAM_UNAVAILABLE);
                        assertThat(g.retryable()).isTrue();
                        assertThat(g.getMessage()).doesNotContain("SSH");
                    })
                    .verify(Duration.ofSeconds(20));
        }
    }

    @Test
    void readsNdjsonStreams() {
        server = new FakeServer((req, res) -> res.header("content-type", "application/x-ndjson")
                .sendString(Flux.just("{\"model\":\"llama3.2\",\"created_at\":\"2024-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\",\"content\":\"Hi\"},\"done\":false}\n",
                        "{\"model\":\"llama3.2\",\"created_at\":\"2024-01-01T00:00:01Z\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},"
                                + "\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":5,\"eval_count\":1}")).then());
        WireAdapter ollama = new OllamaAdapter();
        StepVerifier.create(stream(ollama, request(STREAM), Targets.to(server.url(""))).map(OpenAiChunk::kind))
                .expectNext(OpenAiChunk.Kind.DELTA, OpenAiChunk.Kind.DELTA, OpenAiChunk.Kind.DELTA, OpenAiChunk.Kind.USAGE_ONLY)
                .verifyComplete();
        assertThat(server.seen.get(0).uri()).isEqualTo("/api/chat");
    }

    @Test
    void anErrorStatusIsTranslatedByTheAdapterWithRetryAfter() {
        server = new FakeServer((req, res) -> res.status(429).header("retry-after", "3").header("content-type", "application/json")
                .sendString(Mono.just("{\"error\":{\"message\":\"slow down\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}")).then());
        StepVerifier.create(client.call(openai, request(CHAT), Targets.to(server.url("/v1"))))
                .expectErrorSatisfies(t -> {
                    GatewayException e = (GatewayException) t;
                    assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(e.getMessage()).contains("slow down");
                })
                .verify();
        StepVerifier.create(stream(openai, request(STREAM), Targets.to(server.url("/v1"))))
                .expectErrorMatches(kind(ErrorKind.RATE_LIMITED, "slow down"))
                .verify();
    }

    @Test
    void aJsonErrorAnsweringAStreamRequestKeepsTheUpstreamsMessage() {
        server = new FakeServer((req, res) -> json(res, 200, "{\"object\":\"error\",\"message\":\"model is loading\",\"code\":503}"));
        StepVerifier.create(stream(openai, request(STREAM), Targets.to(server.url("/v1"))))
                .expectErrorMatches(t -> t instanceof GatewayException g && g.retryable() && g.getMessage().contains("model is loading"))
                .verify();
    }

    @Test
    void aRefusedConnectionIsARetryableUnavailableUpstream() {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        StepVerifier.create(client.call(openai, request(CHAT), Targets.to("http://127.0.0.1:" + port + "/v1")))
                .expectErrorMatches(kind(ErrorKind.UPSTREAM_UNAVAILABLE, "unreachable"))
                .verify();
    }

    @Test
    void aConnectionDroppedMidStreamIsARetryableError() {
        server = new FakeServer((req, res) -> res.header("content-type", "text/event-stream")
                .sendString(Mono.just(sse(TOKEN)))
                .then(Mono.defer(() -> {
                    res.withConnection(c -> c.channel().close());
                    return Mono.never();
                })));
        StepVerifier.create(stream(openai, request(STREAM), Targets.to(server.url("/v1"))))
                .assertNext(c -> assertThat(c.json()).isEqualTo(TOKEN))
                .expectErrorMatches(t -> t instanceof GatewayException g && g.retryable()
                        && (g.kind() == ErrorKind.UPSTREAM_UNAVAILABLE || g.kind() == ErrorKind.UPSTREAM_ERROR))
                .verify();
    }

    @Test
    void aStreamThatEndsMidAnswerIsAnError() {
        server = new FakeServer((req, res) -> res.header("content-type", "text/event-stream").sendString(Mono.just(sse(TOKEN))).then());
        StepVerifier.create(stream(openai, request(STREAM), Targets.to(server.url("/v1"))))
                .expectNextCount(1)
                .expectErrorMatches(kind(ErrorKind.UPSTREAM_ERROR, "before the answer was complete"))
                .verify();
    }

    @Test
    void noFirstTokenInTimeIsATimeout() {
        server = new FakeServer((req, res) -> Mono.never());
        UpstreamTarget t = Targets.to(server.url("/v1"), Duration.ofMillis(300), Duration.ofSeconds(5), Duration.ofSeconds(10));
        StepVerifier.create(stream(openai, request(STREAM), t))
                .expectErrorMatches(kind(ErrorKind.TIMEOUT, "sent no first token within 300ms"))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void aStalledStreamIsATimeout() {
        server = new FakeServer((req, res) -> res.header("content-type", "text/event-stream")
                .sendString(Flux.just(sse(TOKEN)).concatWith(Flux.never())).then());
        UpstreamTarget t = Targets.to(server.url("/v1"), Duration.ofSeconds(5), Duration.ofMillis(300), Duration.ofSeconds(10));
        StepVerifier.create(stream(openai, request(STREAM), t))
                .expectNextCount(1)
                .expectErrorMatches(kind(ErrorKind.TIMEOUT, "stalled"))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void aStreamThatKeepsSendingIsNotIdleHoweverLongItRuns() {
        // 12 events 60 ms apart: 720 ms in all, several times the first-event and idle limits, but never idle for 250 ms
        server = new FakeServer((req, res) -> res.header("content-type", "text/event-stream")
                .sendString(Flux.interval(Duration.ofMillis(60)).take(12).map(i -> sse(TOKEN)).concatWith(Flux.just(sse(FINISH)))).then());
        UpstreamTarget t = Targets.to(server.url("/v1"), Duration.ofMillis(250), Duration.ofMillis(250), Duration.ofSeconds(10));
        StepVerifier.create(stream(openai, request(STREAM), t))
                .expectNextCount(12)
                .thenConsumeWhile(c -> true)
                .verifyComplete();
    }

    @Test
    void aStreamThatNeverGoesIdleStillEndsAtTheTotalLimit() {
        server = new FakeServer((req, res) -> res.header("content-type", "text/event-stream")
                .sendString(Flux.interval(Duration.ofMillis(40)).map(i -> sse(TOKEN))).then());
        UpstreamTarget t = Targets.to(server.url("/v1"), Duration.ofSeconds(5), Duration.ofMillis(300), Duration.ofMillis(700));
        long start = System.nanoTime();
        StepVerifier.create(stream(openai, request(STREAM), t))
                .thenConsumeWhile(c -> true)
                .expectErrorMatches(kind(ErrorKind.TIMEOUT, "did not finish within 700ms"))
                .verify(Duration.ofSeconds(10));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    }

    @Test
    void aSlowNonStreamedAnswerHitsTheTotalTimeout() {
        server = new FakeServer((req, res) -> Mono.never());
        UpstreamTarget t = Targets.to(server.url("/v1"), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(300));
        StepVerifier.create(client.call(openai, request(CHAT), t))
                .expectErrorMatches(kind(ErrorKind.TIMEOUT, "did not answer within 300ms"))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void cancellingTheStreamClosesTheUpstreamExchange() throws InterruptedException {
        server = new FakeServer((req, res) -> res.header("content-type", "text/event-stream")
                .sendString(Flux.just(sse(TOKEN)).concatWith(Flux.never())).then());
        StepVerifier.create(stream(openai, request(STREAM), Targets.to(server.url("/v1"))))
                .expectNextCount(1)
                .thenCancel()
                .verify(Duration.ofSeconds(10));
        assertThat(server.closedByClient.await(10, TimeUnit.SECONDS)).as("upstream saw the connection close").isTrue();
    }

    @Test
    void connectionsArePooledAndKeptAlive() {
        server = new FakeServer((req, res) -> json(res, 200, ANSWER));
        // one connection per host: each call has to wait for the previous one to hand it back
        try (UpstreamClient one = new UpstreamClient(new UpstreamClientConfig(1, Duration.ofSeconds(10), Duration.ofSeconds(30), 4096, 4096))) {
            UpstreamTarget t = Targets.to(server.url("/v1"));
            for (int i = 0; i < 3; i++) {
                StepVerifier.create(one.call(openai, request(CHAT), t)).expectNextCount(1).verifyComplete();
            }
        }
        assertThat(server.seen).extracting(FakeServer.Seen::remote).hasSize(3).containsOnly(server.seen.get(0).remote());
    }

    @Test
    void aStreamIsRelayedOnTheEventLoopThatSentIt() throws Exception {
        server = new FakeServer((req, res) -> res.header("content-type", "text/event-stream")
                .sendString(Flux.just(sse(TOKEN), sse(FINISH))).then());
        UpstreamTarget t = Targets.to(server.url("/v1"));
        io.netty.channel.EventLoopGroup loops = new io.netty.channel.MultiThreadIoEventLoopGroup(3,
                io.netty.channel.nio.NioIoHandler.newFactory());
        try (UpstreamClient laned = new UpstreamClient(UpstreamClientConfig.DEFAULTS, loops)) {
            assertThat(laned.lanes()).isEqualTo(3);
            java.util.List<String> mismatches = new java.util.concurrent.CopyOnWriteArrayList<>();
            // several rounds on every loop, so pooled connections are reused: each must come back on its own loop
            java.util.List<io.netty.util.concurrent.EventExecutor> order = new java.util.ArrayList<>();
            loops.forEach(order::add);
            for (int round = 0; round < 4; round++) {
                java.util.Collections.rotate(order, 1); // not the group's own order, which round-robin would match
                for (io.netty.util.concurrent.EventExecutor loop : order) {
                    java.util.concurrent.CompletableFuture<Long> done = new java.util.concurrent.CompletableFuture<>();
                    loop.execute(() -> {
                        Thread sender = Thread.currentThread();
                        stream(laned, request(STREAM), t)
                                .doOnNext(c -> {
                                    if (Thread.currentThread() != sender) {
                                        mismatches.add(sender.getName() + " -> " + Thread.currentThread().getName());
                                    }
                                })
                                .count().subscribe(done::complete, done::completeExceptionally);
                    });
                    assertThat(done.get(10, TimeUnit.SECONDS)).isEqualTo(2);
                }
            }
            assertThat(mismatches).isEmpty();
            assertThat(server.seen).hasSize(12);
        } finally {
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    Flux<OpenAiChunk> stream(UpstreamClient with, OpenAiRequest req, UpstreamTarget target) {
        return with.stream(openai, req, target, openai.streamTranslator(req, target));
    }

    @Test
    void anUpstreamThatClosesEveryConnectionStillServesTheNextRequest() {
        // llama.cpp server style: "Connection: close" after each stream, no [DONE]
        server = new FakeServer((req, res) -> res.header("content-type", "text/event-stream").header("connection", "close")
                .sendString(Flux.just(sse(TOKEN), sse(FINISH))).then());
        UpstreamTarget t = Targets.to(server.url("/v1"));
        for (int i = 0; i < 2; i++) {
            StepVerifier.create(stream(openai, request(STREAM), t)).expectNextCount(2).verifyComplete();
        }
        assertThat(server.seen).hasSize(2);
    }

    @Test
    void anAnswerOverTheByteCapIsRefused() {
        server = new FakeServer((req, res) -> json(res, 200, ANSWER));
        try (UpstreamClient small = new UpstreamClient(new UpstreamClientConfig(16, Duration.ofSeconds(5), Duration.ofSeconds(4), 64, 1024))) {
            StepVerifier.create(small.call(openai, request(CHAT), Targets.to(server.url("/v1"))))
                    .expectErrorMatches(kind(ErrorKind.UPSTREAM_BAD_RESPONSE, "exceeds 64 bytes"))
                    .verify();
        }
    }

    @Test
    void aFullPoolIsAnUnavailableUpstreamNotATimeout() {
        server = new FakeServer((req, res) -> Mono.never());
        try (UpstreamClient one = new UpstreamClient(new UpstreamClientConfig(1, Duration.ofMillis(200), Duration.ofSeconds(4), 1024, 1024))) {
            UpstreamTarget t = Targets.to(server.url("/v1"), Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10));
            reactor.core.Disposable hog = one.call(openai, request(CHAT), t).subscribe(r -> { }, e -> { });
            try {
                StepVerifier.create(one.call(openai, request(CHAT), t))
                        .expectErrorMatches(kind(ErrorKind.UPSTREAM_UNAVAILABLE, "connection pool"))
                        .verify(Duration.ofSeconds(10));
            } finally {
                hog.dispose();
            }
        }
    }

    @Test
    void theLanesTogetherHoldNoMoreConnectionsThanTheBound() {
        server = new FakeServer((req, res) -> Mono.never());
        io.netty.channel.EventLoopGroup loops = new io.netty.channel.MultiThreadIoEventLoopGroup(3,
                io.netty.channel.nio.NioIoHandler.newFactory());
        // 4 connections over 3 loops: shares 2, 1, 1; calls from this thread take the lanes in turn
        try (UpstreamClient laned = new UpstreamClient(new UpstreamClientConfig(4, Duration.ofMillis(300), Duration.ofSeconds(4), 1024, 1024), loops)) {
            UpstreamTarget t = Targets.to(server.url("/v1"), Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10));
            java.util.List<reactor.core.Disposable> hogs = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) { // lanes 0, 1, 2, 0: every connection of the bound in use
                    hogs.add(laned.call(openai, request(CHAT), t).subscribe(r -> { }, e -> { }));
                }
                StepVerifier.create(laned.call(openai, request(CHAT), t)) // lane 1 again: its one connection is taken
                        .expectErrorMatches(kind(ErrorKind.UPSTREAM_UNAVAILABLE, "connection pool"))
                        .verify(Duration.ofSeconds(10));
            } finally {
                hogs.forEach(reactor.core.Disposable::dispose);
            }
        } finally {
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    @Test
    void aMisconfiguredDeploymentIsReportedAsSuch() {
        UpstreamTarget t = Targets.to("http://127.0.0.1:1/v1", java.util.Map.of("no-such-option", "x"),
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
        StepVerifier.create(client.call(openai, request(CHAT), t))
                .expectErrorMatches(kind(ErrorKind.INTERNAL, "option 'no-such-option'"))
                .verify();
    }
}
