package io.llmgateway.adapter.ollama;

import io.llmgateway.adapter.UpstreamTarget;
import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.error.UpstreamErrorBody;
import io.llmgateway.adapter.error.UpstreamErrors;
import io.llmgateway.adapter.error.UpstreamStatus;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Ollama errors ({@code {"error":"text"}} with the HTTP status, or as a line of a 200 NDJSON stream)
 * -> normalised errors. A missing model (404) is the deployment's misconfiguration, not the client's
 * mistake, so it is a retryable upstream error; a prompt over the context window is reported as such.
 */
public class OllamaErrorTranslator {

    public GatewayException translate(int status, Map<String, String> headers, byte[] body, UpstreamTarget target) {
        UpstreamErrorBody p = UpstreamErrorBody.parse(body);
        ErrorKind kind = p.mentionsContextLength() ? ErrorKind.CONTEXT_LENGTH_EXCEEDED : UpstreamStatus.kindFor(status);
        return UpstreamErrors.of(kind, status, headers, p, target);
    }

    public GatewayException inStream(JsonNode event, UpstreamTarget target) {
        UpstreamErrorBody p = UpstreamErrorBody.parse(event);
        return UpstreamErrors.inStream(p.mentionsContextLength() ? ErrorKind.CONTEXT_LENGTH_EXCEEDED : ErrorKind.UPSTREAM_ERROR, p, target);
    }
}
