package io.llmgateway.gateway.server;

import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.error.OpenAiErrorBody;
import java.net.InetSocketAddress;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * With {@code gateway.admin.port} set, the operator surface (admin API, status page and its feed) answers
 * only on that port, and the OpenAI API only on the main one; the other port says 404 as if the path did
 * not exist. Actuator (probes, metrics) answers on both. Runs before the admin key check.
 */
public final class AdminPortFilter implements WebFilter, Ordered {

    private final int adminPort;

    public AdminPortFilter(int adminPort) {
        this.adminPort = adminPort;
    }

    static boolean operatorPath(String path) {
        return path.equals("/") || path.equals("/admin") || path.startsWith("/admin/") || path.startsWith("/status/");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        InetSocketAddress local = exchange.getRequest().getLocalAddress();
        boolean onAdminPort = local != null && local.getPort() == adminPort;
        boolean allowed = path.startsWith("/actuator/") || operatorPath(path) == onAdminPort;
        return allowed ? chain.filter(exchange) : notFound(exchange, path);
    }

    private static Mono<Void> notFound(ServerWebExchange exchange, String path) {
        GatewayException e = GatewayException.of(ErrorKind.NOT_FOUND, "Unknown request URL: "
                + exchange.getRequest().getMethod().name() + " " + (path.length() > 100 ? path.substring(0, 100) + "..." : path) + ".");
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.NOT_FOUND);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(OpenAiErrorBody.bytes(e))));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }
}
