package io.llmgateway.gateway.api;

import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.error.OpenAiErrorBody;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Every error leaves the gateway the same way: OpenAI's envelope, the table's status, Retry-After when known. */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    public static Mono<ServerResponse> of(GatewayException e) {
        ServerResponse.BodyBuilder b = ServerResponse.status(HttpStatus.valueOf(e.status()))
                .contentType(MediaType.APPLICATION_JSON);
        if (e.retryAfter() != null) {
            b.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (e.retryAfter().toMillis() + 999) / 1000)));
        }
        return b.bodyValue(OpenAiErrorBody.bytes(e));
    }
}
