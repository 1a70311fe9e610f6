package io.llmgateway.gateway.server;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The second listener for {@code gateway.admin.port}: the same WebFlux application (filters, routes,
 * error handling) on its own port, so network policy can keep the operator surface off the API's path.
 */
public final class AdminPortServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AdminPortServer.class);

    private final String host;
    private final int port;
    private final ServerTimeouts timeouts;
    private final HttpHandler handler;
    private volatile DisposableServer server;

    public AdminPortServer(String host, int port, ServerTimeouts timeouts, HttpHandler handler) {
        this.host = host;
        this.port = port;
        this.timeouts = timeouts;
        this.handler = handler;
    }

    @Override
    public void start() {
        server = timeouts.apply(HttpServer.create().host(host).port(port))
                .handle(new ReactorHttpHandlerAdapter(handler))
                .bindNow(Duration.ofSeconds(10));
        log.info("admin API and status page on port {} (not on the API port)", server.port());
    }

    @Override
    public void stop() {
        DisposableServer s = server;
        if (s != null) {
            s.disposeNow(Duration.ofSeconds(10));
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1; // with the main web server
    }
}
