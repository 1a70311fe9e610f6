package io.llmgateway.adapter.anthropic;

import io.llmgateway.adapter.UpstreamTarget;
import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.error.UpstreamErrorBody;
import io.llmgateway.adapter.error.UpstreamErrors;
import io.llmgateway.adapter.error.UpstreamStatus;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Anthropic errors ({@code {"type":"error","error":{"type","message"}}}, as a response body or a
 * stream {@code error} event) -> normalised errors. The error type decides: {@code overloaded_error}
 * (HTTP 529) is a retryable unavailable upstream, {@code rate_limit_error} (429, with
 * {@code retry-after}) a retryable rate limit, {@code api_error} a retryable upstream error; errors
 * about our key, permissions or the model name are the gateway's problem, not the client's.
 */
public class AnthropicErrorTranslator {

    public GatewayException translate(int status, Map<String, String> headers, byte[] body, UpstreamTarget target) {
        UpstreamErrorBody p = UpstreamErrorBody.parse(body);
        return UpstreamErrors.of(kind(status, p), status, headers, p, target);
    }

    /** A stream {@code error} event (the HTTP status was 200). */
    public GatewayException inStream(JsonNode event, UpstreamTarget target) {
        UpstreamErrorBody p = UpstreamErrorBody.parse(event);
        return UpstreamErrors.inStream(kind(500, p), p, target);
    }

    static ErrorKind kind(int status, UpstreamErrorBody p) {
        String type = p.type() == null ? "" : p.type();
        return switch (type) {
            case "overloaded_error" -> ErrorKind.UPSTREAM_UNAVAILABLE;
            case "rate_limit_error" -> ErrorKind.RATE_LIMITED;
            case "api_error" -> ErrorKind.UPSTREAM_ERROR;
            case "timeout_error" -> ErrorKind.TIMEOUT;
            case "request_too_large" -> ErrorKind.PAYLOAD_TOO_LARGE;
            case "authentication_error", "permission_error", "not_found_error", "billing_error" -> ErrorKind.UPSTREAM_BAD_RESPONSE;
            case "invalid_request_error" -> p.mentionsContextLength() ? ErrorKind.CONTEXT_LENGTH_EXCEEDED : ErrorKind.INVALID_REQUEST;
            default -> UpstreamStatus.kindFor(status);
        };
    }
}
