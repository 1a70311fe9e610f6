package io.llmgateway.sim.internal.protocol;

/**
 * An error answer of the simulated API. Carries what both body shapes need: vLLM's top-level
 * {@code {"object":"error",...}} and OpenAI's {@code {"error":{...}}} envelope ({@link ErrorBodies}).
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String param;
    private final String openaiType;
    private final String openaiCode;

    public ApiException(int status, String message, String param, String openaiType, String openaiCode) {
        super(message, null, false, false);
        this.status = status;
        this.param = param;
        this.openaiType = openaiType;
        this.openaiCode = openaiCode;
    }

    public static ApiException badRequest(String message, String param) {
        return new ApiException(400, message, param, "invalid_request_error", null);
    }

    public static ApiException modelNotFound(String model) {
        return new ApiException(404, "The model `" + model + "` does not exist.", "model",
                "invalid_request_error", "model_not_found");
    }

    public static ApiException unauthorized() {
        return new ApiException(401, "Incorrect API key provided.", null, "invalid_request_error", "invalid_api_key");
    }

    public static ApiException internal(String message) {
        return new ApiException(500, "Internal server error: " + message, null, "server_error", null);
    }

    public static ApiException injected(int status) {
        String message = switch (status) {
            case 429 -> "Too many requests: the server is overloaded (simulated).";
            case 500 -> "Internal server error (simulated fault).";
            case 503 -> "The server is currently overloaded, please try again later (simulated).";
            default -> "Simulated error with status " + status + ".";
        };
        String type = status == 429 ? "rate_limit_exceeded" : status >= 500 ? "server_error" : "invalid_request_error";
        return new ApiException(status, message, null, type, null);
    }

    public int status() {
        return status;
    }

    public String param() {
        return param;
    }

    public String openaiType() {
        return openaiType;
    }

    public String openaiCode() {
        return openaiCode;
    }

    /** vLLM's {@code type}: the HTTP reason phrase in CamelCase plus {@code Error}, e.g. {@code BadRequestError}. */
    public String vllmType() {
        return switch (status) {
            case 400 -> "BadRequestError";
            case 401 -> "UnauthorizedError";
            case 403 -> "ForbiddenError";
            case 404 -> "NotFoundError";
            case 408 -> "RequestTimeoutError";
            case 413 -> "RequestEntityTooLargeError";
            case 422 -> "UnprocessableEntityError";
            case 429 -> "TooManyRequestsError";
            case 500 -> "InternalServerError";
            case 501 -> "NotImplementedError";
            case 502 -> "BadGatewayError";
            case 503 -> "ServiceUnavailableError";
            case 504 -> "GatewayTimeoutError";
            default -> status >= 500 ? "InternalServerError" : "BadRequestError";
        };
    }
}
