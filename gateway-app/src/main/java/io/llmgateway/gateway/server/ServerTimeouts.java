package io.llmgateway.gateway.server;

import io.llmgateway.gateway.config.GatewayProperties;
import io.netty.handler.timeout.WriteTimeoutHandler;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.http.server.HttpServer;

/**
 * Limits against slow and stalled clients on every server of the gateway (API and admin port): a request
 * body must keep arriving ({@code read-timeout} between reads) and arrive whole in time
 * ({@code request-timeout}); every write must be taken by the client within {@code write-timeout}, so a
 * client that stops reading a stream is dropped (and its upstream cancelled) instead of pinning buffers.
 * None of them limits how long a response may stream.
 */
public final class ServerTimeouts implements NettyServerCustomizer {

    private final GatewayProperties.Server settings;

    public ServerTimeouts(GatewayProperties.Server settings) {
        this.settings = settings;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        long writeMillis = settings.writeTimeout().toMillis();
        return server.readTimeout(settings.readTimeout())
                .requestTimeout(settings.requestTimeout())
                // once per connection: doOnConnection runs per request on a keep-alive connection, and would
                // add and remove the handler (a pipeline change) on every one of them
                .doOnChannelInit((observer, channel, remote) -> channel.pipeline().addFirst("gateway.writeTimeout",
                        new WriteTimeoutHandler(writeMillis, TimeUnit.MILLISECONDS)));
    }
}
