package io.llmgateway.gateway.server;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;

/** The application's HttpHandler, looked up on first use (it is assembled after the admin server bean). */
final class LazyHttpHandler implements HttpHandler {

    private final ObjectProvider<HttpHandler> provider;
    private volatile HttpHandler handler;

    LazyHttpHandler(ObjectProvider<HttpHandler> provider) {
        this.provider = provider;
    }

    @Override
    public Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response) {
        HttpHandler h = handler;
        if (h == null) {
            h = provider.getObject();
            handler = h;
        }
        return h.handle(request, response);
    }
}
