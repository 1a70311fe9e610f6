package io.llmgateway.adapter.openai;

import io.llmgateway.adapter.UpstreamRequest;
import io.llmgateway.adapter.UpstreamTarget;
import io.llmgateway.adapter.schema.OpenAiRequest;
import io.llmgateway.adapter.schema.WireJson;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * Client OpenAI request -> OpenAI-compatible upstream request. Only two things change: {@code model}
 * becomes the deployment's model name, and streams always ask for usage (the gateway accounts every
 * token; the usage chunk is dropped again if the client did not ask for it). Everything else is
 * forwarded as the client sent it.
 */
public class OpenAiRequestTranslator {

    public UpstreamRequest translate(OpenAiRequest request, UpstreamTarget target) {
        ObjectNode body = request.copyBody();
        body.put("model", target.model());
        if (request.stream()) {
            ObjectNode so = body.get("stream_options") instanceof ObjectNode o ? o : body.putObject("stream_options");
            so.put("include_usage", true);
        }
        byte[] bytes = WireJson.MAPPER.writeValueAsBytes(body);
        return new UpstreamRequest("POST", target.resolve(path(request)), headers(request, target), bytes);
    }

    protected String path(OpenAiRequest request) {
        return request.operation().path();
    }

    protected Map<String, String> headers(OpenAiRequest request, UpstreamTarget target) {
        Map<String, String> h = new LinkedHashMap<>(target.headers());
        h.put("content-type", "application/json");
        h.put("accept", request.stream() ? "text/event-stream" : "application/json");
        if (target.apiKey() != null) {
            h.put("authorization", "Bearer " + target.apiKey());
        }
        return h;
    }
}
