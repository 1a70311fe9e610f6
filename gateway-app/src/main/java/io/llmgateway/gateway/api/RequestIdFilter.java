package io.llmgateway.gateway.api;

import io.llmgateway.gateway.ledger.TimeOrderedIds;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an id: the client's {@code x-request-id} if it is a sane token, else a new one.
 * New ids sort by time. It is echoed on every response, errors included, and stored as an exchange attribute.
 */
public final class RequestIdFilter implements WebFilter, Ordered {

    public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = from(exchange.getRequest().getHeaders());
        exchange.getAttributes().put(ATTRIBUTE, id);
        exchange.getResponse().getHeaders().set(GatewayHeaders.REQUEST_ID, id);
        return chain.filter(exchange);
    }

    /** The client's {@code x-request-id} if it is a sane token, else a new id. */
    public static String from(HttpHeaders requestHeaders) {
        String given = requestHeaders.getFirst(GatewayHeaders.REQUEST_ID);
        return given != null && SAFE.matcher(given).matches() ? given : newId();
    }

    public static String of(ServerWebExchange exchange) {
        Object id = exchange.getAttribute(ATTRIBUTE);
        return id != null ? id.toString() : newId();
    }

    /** {@code req_} and 24 hex digits that start with the time, so the ledger's request-id index grows at one end. */
    static String newId() {
        return "req_" + TimeOrderedIds.hex96(System.currentTimeMillis());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
