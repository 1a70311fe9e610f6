package io.llmgateway.gateway.admission;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One Lettuce connection to Redis, opened lazily and without blocking (a gateway whose Redis is down at
 * start still starts). Once open, Lettuce reconnects by itself (backoff 50 ms doubling to 2 s) and,
 * while disconnected, rejects commands at once instead of queueing them, so callers fall back to local
 * limits immediately.
 */
public final class RedisConnection implements AutoCloseable {

    private static final Executor BLOCKING = task -> Schedulers.boundedElastic().schedule(task);

    private final ClientResources resources;
    private final RedisClient client;
    private final RedisURI uri;
    private volatile StatefulRedisConnection<String, String> connection;
    private CompletableFuture<StatefulRedisConnection<String, String>> pending;

    public RedisConnection(String url, Duration commandTimeout) {
        this.uri = RedisURI.create(url);
        this.resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .socketOptions(SocketOptions.builder().connectTimeout(commandTimeout.multipliedBy(4)).build())
                .build());
    }

    /** The reactive commands; connects first if no connection was ever established (one attempt at a time). */
    public Mono<RedisReactiveCommands<String, String>> commands() {
        StatefulRedisConnection<String, String> c = connection;
        if (c != null) {
            return Mono.just(c.reactive());
        }
        // a caller that gives up (timeout) does not cancel the attempt; the next caller reuses it
        return Mono.fromFuture(this::attempt, true).map(StatefulRedisConnection::reactive);
    }

    private synchronized CompletableFuture<StatefulRedisConnection<String, String>> attempt() {
        if (pending == null || pending.isCompletedExceptionally()) {
            // connecting may resolve the host name: never on an event loop
            pending = CompletableFuture.supplyAsync(() -> client.connectAsync(StringCodec.UTF8, uri), BLOCKING)
                    .thenCompose(f -> f.toCompletableFuture())
                    .whenComplete((conn, e) -> {
                        if (conn != null) {
                            connection = conn;
                        }
                    });
        }
        return pending;
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, String> c = connection;
        if (c != null) {
            c.closeAsync();
        }
        client.shutdownAsync(0, 2, TimeUnit.SECONDS);
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
