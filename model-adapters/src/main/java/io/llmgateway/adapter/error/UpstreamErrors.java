package io.llmgateway.adapter.error;

import io.llmgateway.adapter.UpstreamTarget;
import java.util.Map;

/**
 * Builds the normalised error for an upstream's answer once an error translator has classified it:
 * the message names the deployment and the upstream status, {@code Retry-After} is kept, and for
 * request errors the upstream's {@code param} (and code) reach the client so it can fix its request.
 */
public final class UpstreamErrors {

    private UpstreamErrors() {
    }

    public static GatewayException of(ErrorKind kind, int status, Map<String, String> headers,
                                      UpstreamErrorBody body, UpstreamTarget target) {
        String message = UpstreamStatus.describe(target.deploymentId(), status)
                + (body.message() == null ? "" : ": " + body.message());
        GatewayException.Builder b = GatewayException.builder(kind, message)
                .upstreamStatus(status)
                .retryAfter(RetryAfter.parse(headers));
        if (kind == ErrorKind.INVALID_REQUEST || kind == ErrorKind.CONTEXT_LENGTH_EXCEEDED) {
            b.param(body.param());
            if (body.code() != null && kind == ErrorKind.INVALID_REQUEST && !isNumber(body.code())) {
                b.code(body.code());
            }
        }
        return b.build();
    }

    /** An error event inside a stream (the HTTP status was already 200). */
    public static GatewayException inStream(ErrorKind kind, UpstreamErrorBody body, UpstreamTarget target) {
        String message = "upstream '" + target.deploymentId() + "' reported an error mid-stream"
                + (body.message() == null ? "" : ": " + body.message());
        return GatewayException.of(kind, message);
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }
}
