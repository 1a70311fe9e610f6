package io.llmgateway.adapter.tgi;

import io.llmgateway.adapter.UpstreamTarget;
import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.error.UpstreamErrorBody;
import io.llmgateway.adapter.error.UpstreamErrors;
import io.llmgateway.adapter.error.UpstreamStatus;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * TGI errors ({@code {"error":"text","error_type":"validation|overloaded|generation|incomplete_generation"}},
 * as a response body or a stream event) -> normalised errors. A prompt too long for the model
 * ({@code `inputs` tokens + `max_new_tokens` must be <= N}) is a context-length error; {@code overloaded}
 * (429, queue full) is retryable, and so is a failed {@code generation} (HTTP 424).
 */
public class TgiErrorTranslator {

    public GatewayException translate(int status, Map<String, String> headers, byte[] body, UpstreamTarget target) {
        UpstreamErrorBody p = UpstreamErrorBody.parse(body);
        ErrorKind kind;
        if (contextLength(p)) {
            kind = ErrorKind.CONTEXT_LENGTH_EXCEEDED;
        } else if ("generation".equals(p.type()) || "incomplete_generation".equals(p.type())) {
            kind = ErrorKind.UPSTREAM_ERROR; // TGI answers these with 424 or 500
        } else {
            kind = UpstreamStatus.kindFor(status);
        }
        return UpstreamErrors.of(kind, status, headers, p, target);
    }

    public GatewayException inStream(JsonNode event, UpstreamTarget target) {
        UpstreamErrorBody p = UpstreamErrorBody.parse(event);
        ErrorKind kind = switch (p.type() == null ? "" : p.type()) {
            case "overloaded" -> ErrorKind.UPSTREAM_UNAVAILABLE;
            case "validation" -> contextLength(p) ? ErrorKind.CONTEXT_LENGTH_EXCEEDED : ErrorKind.INVALID_REQUEST;
            default -> ErrorKind.UPSTREAM_ERROR;
        };
        return UpstreamErrors.inStream(kind, p, target);
    }

    private static boolean contextLength(UpstreamErrorBody p) {
        String s = p.lower();
        return p.mentionsContextLength() || s.contains("`inputs` tokens + `max_new_tokens` must be")
                || s.contains("`inputs` must have less than");
    }
}
