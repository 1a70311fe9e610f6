package io.llmgateway.adapter.error;

/**
 * How an upstream's HTTP status reads to our client. A client error the upstream attributes to the
 * request (400, 413, 422) goes back as such; anything that is really about our credentials or the
 * upstream's health becomes a gateway-side 5xx, because the client's key and request were fine.
 */
public final class UpstreamStatus {

    private UpstreamStatus() {
    }

    public static ErrorKind kindFor(int status) {
        return switch (status) {
            case 400, 422 -> ErrorKind.INVALID_REQUEST;
            case 413 -> ErrorKind.PAYLOAD_TOO_LARGE;
            case 408, 504 -> ErrorKind.TIMEOUT;
            case 429 -> ErrorKind.RATE_LIMITED;
            case 503, 529 -> ErrorKind.UPSTREAM_UNAVAILABLE;
            case 401, 403, 404, 405, 415 -> ErrorKind.UPSTREAM_BAD_RESPONSE;
            default -> status >= 500 ? ErrorKind.UPSTREAM_ERROR : ErrorKind.UPSTREAM_BAD_RESPONSE;
        };
    }

    /** A safe message prefix naming the deployment and the upstream status. */
    public static String describe(String deploymentId, int status) {
        return "upstream '" + deploymentId + "' answered HTTP " + status;
    }
}
