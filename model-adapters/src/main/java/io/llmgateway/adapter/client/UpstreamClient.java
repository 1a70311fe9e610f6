package io.llmgateway.adapter.client;

import io.llmgateway.adapter.StreamFraming;
import io.llmgateway.adapter.StreamTranslator;
import io.llmgateway.adapter.UpstreamRequest;
import io.llmgateway.adapter.UpstreamTarget;
import io.llmgateway.adapter.WireAdapter;
import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.schema.AdapterResponse;
import io.llmgateway.adapter.schema.OpenAiChunk;
import io.llmgateway.adapter.schema.OpenAiRequest;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.http.HttpResources;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * Executes upstream exchanges on Reactor Netty with a connection pool per event loop. Non-blocking end to
 * end; cancelling the returned publisher closes the upstream exchange (the connection is dropped,
 * so the upstream sees the client go away and stops generating).
 */
public final class UpstreamClient implements AutoCloseable {

    private final UpstreamClientConfig config;
    private final List<Lane> lanes;
    private final AtomicInteger nextLane = new AtomicInteger();

    /**
     * One connection pool per event loop, its connections registered on that loop. A request is sent on
     * the lane of the event loop it runs on, so the upstream connection and the client's connection are
     * served by the same thread: a relayed stream event is read and written there, with no hand-over to
     * another loop (a task queue, a wake-up, lost batching) per event. Reactor Netty's single pool hands
     * out whichever idle connection it has, on any loop. Requests made off the event loops (after a
     * queue or a retry delay) take the lanes in turn.
     */
    private static final class Lane {
        final EventLoop loop;
        final ConnectionProvider pool;
        final HttpClient base;
        final HttpClient secure;
        final ConcurrentHashMap<Duration, HttpClient> byConnectTimeout = new ConcurrentHashMap<>();
        final ConcurrentHashMap<Duration, HttpClient> secureByConnectTimeout = new ConcurrentHashMap<>();

        Lane(EventLoop loop, ConnectionProvider pool, TlsSettings tls) {
            this.loop = loop;
            this.pool = pool;
            this.base = HttpClient.create(pool).runOn(loop).compress(false).keepAlive(true);
            this.secure = UpstreamTls.apply(base, tls);
        }
    }

    public UpstreamClient(UpstreamClientConfig config) {
        this(config, HttpResources.get().onClient(LoopResources.DEFAULT_NATIVE));
    }

    /** @param loops the event loops to send on (the server's, so relays stay on one thread) */
    UpstreamClient(UpstreamClientConfig config, EventLoopGroup loops) {
        this.config = config;
        List<EventLoop> all = new ArrayList<>();
        for (EventExecutor e : loops) {
            if (all.size() < config.maxConnectionsPerHost()) {
                all.add((EventLoop) e);
            }
        }
        // the configured bound is on the whole client: the lanes' shares add up to it (a bound below the
        // number of loops gets fewer lanes, so a bound of 1 is still one connection)
        int share = config.maxConnectionsPerHost() / all.size();
        int remainder = config.maxConnectionsPerHost() % all.size();
        List<Lane> built = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            ConnectionProvider pool = ConnectionProvider.builder("upstream-" + i)
                    .maxConnections(share + (i < remainder ? 1 : 0))
                    .pendingAcquireTimeout(config.pendingAcquireTimeout())
                    .pendingAcquireMaxCount(-1)
                    .maxIdleTime(config.maxIdleTime())
                    .evictInBackground(Duration.ofSeconds(5))
                    .build();
            built.add(new Lane(all.get(i), pool, config.tls()));
        }
        this.lanes = List.copyOf(built);
    }

    public UpstreamClientConfig config() {
        return config;
    }

    /** A complete (non-streamed) exchange. */
    public Mono<AdapterResponse> call(WireAdapter adapter, OpenAiRequest request, UpstreamTarget target) {
        return Mono.defer(() -> {
                    UpstreamRequest up = translate(adapter, request, target);
                    Lane lane = lane();
                    Flux<AdapterResponse> answer = send(up, target, lane).response((resp, body) -> BoundedBody.collect(body, config.maxResponseBytes())
                            .map(bytes -> answer(adapter, request, target, resp, bytes)));
                    return new ExchangeWatch<>(answer, Deadline.exchange(target.timeouts()), lane.loop, target).next();
                })
                .onErrorMap(t -> TransportErrors.map(t, target));
    }

    /**
     * A streamed exchange: OpenAI chunks as the upstream produces them. The translator is the caller's,
     * so it can read usage at the end, on error, or after a cancel.
     */
    public Flux<OpenAiChunk> stream(WireAdapter adapter, OpenAiRequest request, UpstreamTarget target, StreamTranslator translator) {
        return Flux.defer(() -> {
            UpstreamRequest up = translate(adapter, request, target);
            Lane lane = lane();
            Flux<OpenAiChunk> chunks = send(up, target, lane).response((resp, body) -> events(adapter, target, translator, resp, body));
            // first event, idle gap and total on one timer; an expiry with no demand outstanding is the client's stall
            return new ExchangeWatch<>(chunks, Deadline.stream(target.timeouts()), lane.loop, target);
        }).onErrorMap(t -> TransportErrors.map(t, target));
    }

    /** Request translation; an adapter refusing its settings is the deployment's misconfiguration, not the upstream's. */
    private static UpstreamRequest translate(WireAdapter adapter, OpenAiRequest request, UpstreamTarget target) {
        try {
            return adapter.toUpstream(request, target);
        } catch (IllegalArgumentException e) {
            throw GatewayException.builder(ErrorKind.INTERNAL, "deployment '" + target.deploymentId()
                    + "' is misconfigured: " + e.getMessage()).cause(e).build();
        }
    }

    private HttpClient.ResponseReceiver<?> send(UpstreamRequest up, UpstreamTarget target, Lane lane) {
        return client(lane, target.timeouts().connect(), "https".equalsIgnoreCase(up.uri().getScheme()))
                .headers(h -> up.headers().forEach(h::set))
                .headers(h -> {
                    if (up.body() != null) {
                        h.set(HttpHeaderNames.CONTENT_LENGTH, up.body().length);
                    }
                })
                .request(HttpMethod.valueOf(up.method()))
                .uri(up.uri())
                .send(up.body() == null ? Mono.empty() : Mono.fromSupplier(() -> Unpooled.wrappedBuffer(up.body())));
    }

    private AdapterResponse answer(WireAdapter adapter, OpenAiRequest request, UpstreamTarget target,
                                   HttpClientResponse resp, byte[] bytes) {
        int status = resp.status().code();
        if (status < 200 || status >= 300) {
            throw adapter.toError(status, ResponseHeaders.lowerCase(resp), bytes, target);
        }
        String type = resp.responseHeaders().get("content-type", "");
        if (!type.isEmpty() && !type.contains("json")) {
            throw GatewayException.of(ErrorKind.UPSTREAM_BAD_RESPONSE,
                    "upstream '" + target.deploymentId() + "' answered with content type '" + type + "' instead of JSON");
        }
        return adapter.fromUpstream(request, target, bytes);
    }

    private Flux<OpenAiChunk> events(WireAdapter adapter, UpstreamTarget target, StreamTranslator translator,
                                     HttpClientResponse resp, ByteBufFlux body) {
        int status = resp.status().code();
        if (status < 200 || status >= 300) {
            return BoundedBody.collect(body, config.maxResponseBytes())
                    .flatMapMany(bytes -> Flux.error(adapter.toError(status, ResponseHeaders.lowerCase(resp), bytes, target)));
        }
        String type = resp.responseHeaders().get("content-type", "");
        boolean ok = adapter.framing() == StreamFraming.SSE ? type.contains("text/event-stream")
                : type.contains("ndjson") || type.contains("json");
        if (!ok && type.contains("json")) {
            // a server that answers a stream request with a JSON (error) body: keep what it says
            return BoundedBody.collect(body, config.maxResponseBytes())
                    .flatMapMany(bytes -> Flux.error(adapter.toError(status, ResponseHeaders.lowerCase(resp), bytes, target)));
        }
        if (!ok) {
            return body.then(Mono.<OpenAiChunk>error(GatewayException.of(ErrorKind.UPSTREAM_BAD_RESPONSE,
                    "upstream '" + target.deploymentId() + "' answered a stream request with content type '" + type + "'"))).flux();
        }
        EventDecoder decoder = EventDecoder.of(adapter.framing(), config.maxEventBytes());
        return BodyBytes.of(body)
                .concatMapIterable(bytes -> decoder.decode(bytes, translator))
                .concatWith(Flux.defer(() -> {
                    List<OpenAiChunk> tail = decoder.finish(translator);
                    return Flux.fromIterable(tail).concatWith(Flux.fromIterable(translator.onComplete()));
                }))
                .takeUntil(c -> c.kind() == OpenAiChunk.Kind.ERROR);
    }

    private static HttpClient client(Lane lane, Duration connectTimeout, boolean https) {
        HttpClient from = https ? lane.secure : lane.base;
        return (https ? lane.secureByConnectTimeout : lane.byConnectTimeout).computeIfAbsent(connectTimeout,
                d -> from.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, d.toMillis())));
    }

    /** The calling event loop's lane, or the next one in turn when called from another thread. */
    private Lane lane() {
        for (Lane lane : lanes) {
            if (lane.loop.inEventLoop()) {
                return lane;
            }
        }
        return lanes.get(Math.floorMod(nextLane.getAndIncrement(), lanes.size()));
    }

    /** Number of event-loop lanes (for tests). */
    int lanes() {
        return lanes.size();
    }

    @Override
    public void close() {
        Flux.fromIterable(lanes).flatMap(l -> l.pool.disposeLater()).then().block(Duration.ofSeconds(10));
    }
}
