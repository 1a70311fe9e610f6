package io.llmgateway.gateway.admin;

import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.error.OpenAiErrorBody;
import io.llmgateway.policy.KeyHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Guards {@code /admin/**} with the admin key ({@code gateway.admin.key}, plain or {@code sha256:<hex>}),
 * separate from app keys. Without a configured admin key the admin API is closed (403), except in
 * demo mode where the demo admin key applies. Compared by hash in constant time.
 */
public final class AdminAuthFilter implements WebFilter, Ordered {

    private final byte[] keyHash;

    /** @param keyHashHex SHA-256 hex of the admin key, or null to close the admin API */
    public AdminAuthFilter(String keyHashHex) {
        this.keyHash = keyHashHex == null ? null : keyHashHex.getBytes(StandardCharsets.US_ASCII);
    }

    public static String hashOf(String configured) {
        if (configured == null || configured.isBlank()) {
            return null;
        }
        return configured.startsWith("sha256:") ? configured.substring(7).toLowerCase(java.util.Locale.ROOT) : KeyHash.sha256Hex(configured);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.equals("/admin") && !path.startsWith("/admin/")) {
            return chain.filter(exchange);
        }
        if (keyHash == null) {
            return reject(exchange, GatewayException.builder(ErrorKind.PERMISSION_DENIED,
                    "The admin API is disabled: set gateway.admin.key to enable it.").code("admin_disabled").build());
        }
        String auth = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        String given = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).strip() : null;
        if (given == null || given.length() > 512
                || !MessageDigest.isEqual(keyHash, KeyHash.sha256Hex(given).getBytes(StandardCharsets.US_ASCII))) {
            return reject(exchange, GatewayException.of(ErrorKind.AUTHENTICATION, "A valid admin key is required."));
        }
        return chain.filter(exchange);
    }

    private static Mono<Void> reject(ServerWebExchange exchange, GatewayException e) {
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.valueOf(e.status()));
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(OpenAiErrorBody.bytes(e))));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
