package io.llmgateway.bench.load;

import io.llmgateway.bench.load.Measurements.Metric;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.timeout.ReadTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.PrematureCloseException;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * Sends chat requests on Reactor Netty (non-blocking, one pool sized for thousands of concurrent streams)
 * and records each exchange: end-to-end latency, TTFT and inter-token latency of streams, and the
 * gateway's own overhead from {@code x-gateway-overhead-ms} when the target sends it. Latency is measured
 * from the time the caller says the request was due, so an open-loop run that falls behind still sees
 * the delay (no coordinated omission).
 */
final class LoadClient implements AutoCloseable {

    static final String OVERHEAD_HEADER = "x-gateway-overhead-ms";

    private final LoadOptions options;
    private final Measurements m;
    private final ConnectionProvider pool;
    private final LoopResources loops;
    private final HttpClient client;
    private final String uri;
    private volatile long windowStart;
    private volatile long windowEnd = Long.MAX_VALUE;

    LoadClient(LoadOptions options, Measurements measurements) {
        this.options = options;
        this.m = measurements;
        this.pool = ConnectionProvider.builder("load-driver")
                .maxConnections(options.connections())
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(options.timeout())
                .maxIdleTime(Duration.ofSeconds(3))
                .build();
        this.loops = LoopResources.create("load", Math.max(1, Runtime.getRuntime().availableProcessors()), true);
        this.uri = options.chatUri().toString();
        this.client = HttpClient.create(pool).runOn(loops).compress(false).keepAlive(true)
                .headers(h -> {
                    h.set(HttpHeaderNames.CONTENT_TYPE, "application/json");
                    h.set(HttpHeaderNames.ACCEPT, options.stream() ? "text/event-stream" : "application/json");
                    if (options.key() != null) {
                        h.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + options.key());
                    }
                });
        client.warmup().block(Duration.ofSeconds(30)); // event loops, native transport, resolver: not inside the run
    }

    /** Requests due in [start, end) are recorded; answers completed in it count for throughput. */
    void window(long startNanos, long endNanos) {
        this.windowStart = startNanos;
        this.windowEnd = endNanos;
    }

    boolean inWindow(long nanos) {
        return nanos >= windowStart && nanos < windowEnd;
    }

    /**
     * One exchange; never fails (errors are recorded). {@code due} is the intended send time; {@code expectedTokens}
     * counts as the output of a non-streamed answer (streams count their token events).
     */
    Mono<Void> send(byte[] body, int expectedTokens, long due) {
        boolean recorded = inWindow(due);
        Exchange x = new Exchange(due, recorded);
        if (!options.stream()) {
            x.tokens = expectedTokens;
        }
        if (recorded) {
            m.sent.increment();
        }
        m.started();
        return client.headers(h -> h.set(HttpHeaderNames.CONTENT_LENGTH, body.length))
                .post()
                .uri(uri)
                .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)))
                .response((resp, content) -> {
                    x.status = resp.status().code();
                    String overhead = resp.responseHeaders().get(OVERHEAD_HEADER);
                    if (overhead != null && recorded && x.status == 200) {
                        x.overhead(overhead);
                    }
                    SseScanner sse = options.stream() && x.status == 200 ? new SseScanner(x::token) : null;
                    x.sse = sse;
                    return content.doOnNext(buf -> {
                        if (sse != null) {
                            sse.feed(buf, System.nanoTime());
                        }
                    }).then();
                })
                .then()
                .timeout(options.timeout())
                .doOnSuccess(v -> x.complete(System.nanoTime()))
                .onErrorResume(e -> {
                    x.fail(kind(e));
                    return Mono.empty();
                })
                .doOnCancel(() -> x.fail("cancelled"));
    }

    static String kind(Throwable e) {
        if (e instanceof TimeoutException || e instanceof ReadTimeoutException) {
            return "timeout";
        }
        if (e instanceof PrematureCloseException) {
            return "closed_early";
        }
        if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
            return "connect";
        }
        if (e instanceof IOException) {
            return "io";
        }
        return e.getClass().getSimpleName();
    }

    @Override
    public void close() {
        pool.disposeLater().block(Duration.ofSeconds(10));
        loops.disposeLater().block(Duration.ofSeconds(10));
    }

    /** State of one request. Touched by one event-loop thread at a time. */
    private final class Exchange {
        final long due;
        final boolean recorded;
        int status;
        SseScanner sse;
        long lastToken;
        long tokens;
        boolean finished;

        Exchange(long due, boolean recorded) {
            this.due = due;
            this.recorded = recorded;
        }

        void token(long now) {
            if (recorded) {
                m.record(tokens == 0 ? Metric.TTFT : Metric.ITL, now - (tokens == 0 ? due : lastToken));
            }
            tokens++;
            lastToken = now;
        }

        void overhead(String ms) {
            try {
                m.record(Metric.OVERHEAD, (long) (Double.parseDouble(ms) * 1_000_000));
            } catch (NumberFormatException e) {
                m.error("bad_overhead_header");
            }
        }

        void complete(long now) {
            if (status != 200) {
                fail("http_" + status);
            } else if (sse != null && sse.sawError()) {
                fail("stream_error_event");
            } else if (sse != null && !sse.sawDone()) {
                fail("stream_without_done");
            } else {
                end();
                if (recorded) {
                    m.ok.increment();
                    m.record(Metric.E2E, now - due);
                    m.outputTokens.add(tokens);
                    m.lastOkNanos.accumulateAndGet(now, Math::max);
                }
                if (inWindow(now)) {
                    // throughput: every answer completed inside the window, whenever it was sent
                    m.okInWindow.increment();
                    m.tokensInWindow.add(tokens);
                }
            }
        }

        void fail(String kind) {
            if (end() && recorded) {
                m.error(kind);
            }
        }

        private boolean end() {
            if (finished) {
                return false;
            }
            finished = true;
            m.ended();
            return true;
        }
    }
}
