package io.llmgateway.gateway.server;

import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.error.OpenAiErrorBody;
import io.llmgateway.gateway.api.GatewayHeaders;
import io.llmgateway.gateway.api.RequestIdFilter;
import io.micrometer.core.instrument.Counter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;

/**
 * Answers a request whose {@code Content-Type} cannot be parsed with a 415 in OpenAI's error format,
 * before WebFlux builds its exchange. WebFlux parses the header while constructing the exchange, outside
 * every filter and error handler, and some malformed values ({@code "/!}) make Spring's parser throw an
 * unchecked exception other than {@code InvalidMediaTypeException}: the connection was then closed with no
 * answer at all. Found by {@code HttpApiFuzzTest}. Such a request never reaches the filters: it gets its
 * {@code x-request-id} here and is counted, but has no access-log line or request metric.
 */
final class ContentTypeGuard implements HttpHandler {

    private final HttpHandler delegate;
    private final Counter refused;

    /** @param refused counted per refusal ({@code gateway_http_refused_total{reason="content_type"}}): these requests get no other metric */
    ContentTypeGuard(HttpHandler delegate, Counter refused) {
        this.delegate = delegate;
        this.refused = refused;
    }

    @Override
    public Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response) {
        String type = request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
        // an empty value reads as none, as in WebFlux
        if (type != null && !type.isEmpty() && !parses(type)) {
            refused.increment();
            response.setStatusCode(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
            response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
            response.getHeaders().set(GatewayHeaders.REQUEST_ID, RequestIdFilter.from(request.getHeaders()));
            byte[] body = OpenAiErrorBody.bytes(GatewayException.builder(ErrorKind.UNSUPPORTED_MEDIA_TYPE,
                    "The Content-Type header is not a valid media type; send 'application/json'.").build());
            return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
        }
        return delegate.handle(request, response);
    }

    /** Whether Spring can read the value (its parser caches results, so a valid type costs a lookup). */
    static boolean parses(String value) {
        try {
            MediaType.parseMediaType(value);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
