package io.llmgateway.gateway.api;

import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.error.OpenAiErrorBody;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Every error leaves the gateway the same way: OpenAI's envelope, the table's status, Retry-After when
 * known, and {@code x-should-retry: false} when sending the same request again cannot help (a definitive
 * refusal, an exhausted budget): the OpenAI SDKs would otherwise retry a 503 or 429 twice by default.
 */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    public static Mono<ServerResponse> of(GatewayException e) {
        return of(e, h -> { });
    }

    /** With extra headers (e.g. {@code x-gateway-data-class} once the request was classified). */
    public static Mono<ServerResponse> of(GatewayException e, java.util.function.Consumer<HttpHeaders> headers) {
        ServerResponse.BodyBuilder b = ServerResponse.status(HttpStatus.valueOf(e.status()))
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers);
        if (e.definitive()) {
            b.header(GatewayHeaders.SHOULD_RETRY, "false");
        }
        if (e.retryAfter() != null) {
            b.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (e.retryAfter().toMillis() + 999) / 1000)));
        }
        return b.bodyValue(OpenAiErrorBody.bytes(e));
    }
}
