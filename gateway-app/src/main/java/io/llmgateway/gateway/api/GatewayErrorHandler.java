package io.llmgateway.gateway.api;

import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.error.OpenAiErrorBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Last line: any failure that escaped a handler becomes an OpenAI-format error. Unexpected ones are
 * logged with their stack trace on the server (never the request body) and the client gets a plain
 * 500 with the request id, never a stack trace.
 */
@Order(-2)
public final class GatewayErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        GatewayException e = translate(exchange, ex);
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.valueOf(e.status()));
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(OpenAiErrorBody.bytes(e))));
    }

    private static GatewayException translate(ServerWebExchange exchange, Throwable ex) {
        if (ex instanceof GatewayException g) {
            return g;
        }
        if (ex instanceof ResponseStatusException rse) {
            HttpStatusCode code = rse.getStatusCode();
            ErrorKind kind = switch (code.value()) {
                case 404 -> ErrorKind.NOT_FOUND;
                case 405 -> ErrorKind.METHOD_NOT_ALLOWED;
                case 413 -> ErrorKind.PAYLOAD_TOO_LARGE;
                case 415 -> ErrorKind.UNSUPPORTED_MEDIA_TYPE;
                default -> code.is4xxClientError() ? ErrorKind.INVALID_REQUEST : ErrorKind.INTERNAL;
            };
            String reason = rse.getReason() != null ? rse.getReason() : HttpStatus.valueOf(code.value()).getReasonPhrase();
            return GatewayException.of(kind, reason);
        }
        String id = RequestIdFilter.of(exchange);
        log.error("unexpected failure handling request {} {} (request id {})",
                exchange.getRequest().getMethod(), exchange.getRequest().getPath(), id, ex);
        return GatewayException.of(ErrorKind.INTERNAL, "The gateway failed to process the request (request id " + id + ").");
    }
}
