package io.llmgateway.adapter.error;

/**
 * The one table that maps every failure, from the gateway or an upstream, to an HTTP status, an
 * OpenAI error {@code type}, a default {@code code}, and whether trying again (on the same or another
 * deployment) can help.
 */
public enum ErrorKind {
    INVALID_REQUEST(400, "invalid_request_error", null, false),
    CONTEXT_LENGTH_EXCEEDED(400, "invalid_request_error", "context_length_exceeded", false),
    AUTHENTICATION(401, "invalid_request_error", "invalid_api_key", false),
    PERMISSION_DENIED(403, "permission_error", "model_not_allowed", false),
    NOT_FOUND(404, "invalid_request_error", "not_found", false),
    MODEL_NOT_FOUND(404, "invalid_request_error", "model_not_found", false),
    METHOD_NOT_ALLOWED(405, "invalid_request_error", "method_not_allowed", false),
    UNSUPPORTED_MEDIA_TYPE(415, "invalid_request_error", "unsupported_media_type", false),
    PAYLOAD_TOO_LARGE(413, "invalid_request_error", "request_too_large", false),
    RATE_LIMITED(429, "rate_limit_error", "rate_limit_exceeded", true),
    BUDGET_EXCEEDED(429, "insufficient_quota", "budget_exceeded", false),
    INTERNAL(500, "server_error", "internal_error", false),
    /** The upstream answered with something the gateway cannot use (bad JSON, wrong content type, its own auth failure). */
    UPSTREAM_BAD_RESPONSE(502, "upstream_error", "bad_upstream_response", true),
    /** The upstream reported a server error (5xx). */
    UPSTREAM_ERROR(502, "upstream_error", "upstream_error", true),
    /** The upstream could not be reached, refused, reset, or is overloaded (503, 529). */
    UPSTREAM_UNAVAILABLE(503, "upstream_error", "upstream_unavailable", true),
    /** No deployment can serve the request (all rejected by the plan, circuits open, fail-closed). */
    NO_BACKEND(503, "service_unavailable", "no_backend_available", false),
    TIMEOUT(504, "timeout_error", "upstream_timeout", true),
    /**
     * The client stopped reading a stream and the gateway gave up on it: not the upstream's fault (never
     * counted against its circuit breaker); the client, not reading, will not see the error either.
     */
    CLIENT_STALLED(408, "timeout_error", "client_stalled", false);

    private final int status;
    private final String type;
    private final String code;
    private final boolean retryable;

    ErrorKind(int status, String type, String code, boolean retryable) {
        this.status = status;
        this.type = type;
        this.code = code;
        this.retryable = retryable;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String code() {
        return code;
    }

    /** Whether another attempt (retry or failover to the next candidate) may succeed. */
    public boolean retryable() {
        return retryable;
    }
}
