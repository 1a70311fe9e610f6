package io.llmgateway.adapter.openai;

import io.llmgateway.adapter.UpstreamTarget;
import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.error.UpstreamErrorBody;
import io.llmgateway.adapter.error.UpstreamErrors;
import io.llmgateway.adapter.error.UpstreamStatus;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Error bodies of OpenAI-compatible servers -> one normalised error. Understands OpenAI's envelope,
 * vLLM's top-level {@code {"object":"error","message",...,"code":400}}, llama.cpp's
 * {@code exceed_context_size_error}, {@code {"error":"text"}} (TGI, Ollama), FastAPI's {@code detail},
 * and plain text (see {@link UpstreamErrorBody}). The status decides the kind, except that a
 * context-window overflow is reported as such.
 */
public class OpenAiErrorTranslator {

    public GatewayException translate(int status, Map<String, String> headers, byte[] body, UpstreamTarget target) {
        UpstreamErrorBody p = UpstreamErrorBody.parse(body);
        return UpstreamErrors.of(kind(status, p), status, headers, p, target);
    }

    /** An error event inside a 200 stream, or an error body in a 200 answer. */
    public GatewayException inStream(JsonNode event, UpstreamTarget target) {
        UpstreamErrorBody p = UpstreamErrorBody.parse(event);
        JsonNode code = event.path("error").path("code");
        int status = code.isIntegralNumber() ? code.asInt() : event.path("code").asInt(500);
        ErrorKind kind = status >= 400 && status < 600 ? kind(status, p) : ErrorKind.UPSTREAM_ERROR;
        if (p.lower().contains("rate_limit") || p.lower().contains("overloaded")) {
            kind = ErrorKind.UPSTREAM_UNAVAILABLE;
        }
        return UpstreamErrors.inStream(kind, p, target);
    }

    static ErrorKind kind(int status, UpstreamErrorBody p) {
        ErrorKind kind = UpstreamStatus.kindFor(status);
        return p.mentionsContextLength() ? ErrorKind.CONTEXT_LENGTH_EXCEEDED : kind;
    }
}
