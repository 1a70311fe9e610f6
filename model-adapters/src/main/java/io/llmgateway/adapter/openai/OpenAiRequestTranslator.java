package io.llmgateway.adapter.openai;

import io.llmgateway.adapter.AdapterOptions;
import io.llmgateway.adapter.UpstreamRequest;
import io.llmgateway.adapter.UpstreamTarget;
import io.llmgateway.adapter.schema.OpenAiRequest;
import io.llmgateway.adapter.schema.WireJson;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * Client OpenAI request -> OpenAI-compatible upstream request. Only two things change: {@code model}
 * becomes the deployment's model name, and streams always ask for usage (the gateway accounts every
 * token; the usage chunk is dropped again if the client did not ask for it). Everything else is
 * forwarded as the client sent it. Option {@code stream-usage: false} turns the usage request off for
 * servers that reject {@code stream_options}.
 */
public class OpenAiRequestTranslator {

    public static final String STREAM_USAGE = "stream-usage";

    public UpstreamRequest translate(OpenAiRequest request, UpstreamTarget target) {
        AdapterOptions options = options(target);
        ObjectNode body = request.copyBody();
        body.put("model", target.model());
        if (request.stream() && options.bool(STREAM_USAGE, true)) {
            ObjectNode so = body.get("stream_options") instanceof ObjectNode o ? o : body.putObject("stream_options");
            so.put("include_usage", true);
        }
        byte[] bytes = WireJson.MAPPER.writeValueAsBytes(body);
        return new UpstreamRequest("POST", uri(request, target, options), headers(request, target), bytes);
    }

    /** Fails fast on options this translator does not understand or cannot use. */
    public void validate(UpstreamTarget target) {
        options(target).bool(STREAM_USAGE, true);
    }

    /** The {@code api:} name used in option errors. */
    protected String api() {
        return "openai";
    }

    protected Set<String> knownOptions() {
        return Set.of(STREAM_USAGE);
    }

    protected final AdapterOptions options(UpstreamTarget target) {
        return AdapterOptions.of(api(), target, knownOptions());
    }

    protected URI uri(OpenAiRequest request, UpstreamTarget target, AdapterOptions options) {
        return target.resolve(path(request));
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
