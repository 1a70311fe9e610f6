package io.llmgateway.adapter.anthropic;

import io.llmgateway.adapter.AdapterOptions;
import io.llmgateway.adapter.UpstreamRequest;
import io.llmgateway.adapter.UpstreamTarget;
import io.llmgateway.adapter.schema.OpenAiRequest;
import io.llmgateway.adapter.schema.Operation;
import io.llmgateway.adapter.schema.WireJson;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI chat request -> Anthropic Messages API ({@code POST {url}/messages}, {@code x-api-key},
 * {@code anthropic-version}). {@code max_tokens} is required by Anthropic: the client's, else the
 * {@code max-tokens-default} option. Sampling parameters, stop sequences and the user id map across;
 * parameters Anthropic has no equivalent for and that change the answer's shape ({@code n > 1},
 * {@code logprobs}, JSON response formats) are refused rather than silently dropped.
 */
public class AnthropicRequestTranslator {

    static final String VERSION = "anthropic-version";
    static final String BETA = "anthropic-beta";
    static final String MAX_TOKENS_DEFAULT = "max-tokens-default";
    static final Set<String> OPTIONS = Set.of(VERSION, BETA, MAX_TOKENS_DEFAULT);

    public UpstreamRequest translate(OpenAiRequest request, UpstreamTarget target) {
        AdapterOptions options = options(target);
        if (request.operation() != Operation.CHAT) {
            throw AnthropicMessages.invalid(null, "An Anthropic deployment serves chat completions only.");
        }
        JsonNode in = request.body();
        refuseUnsupported(in);
        ObjectNode out = WireJson.MAPPER.createObjectNode();
        out.put("model", target.model());
        AnthropicMessages.convert(in.path("messages"), out);
        out.put("max_tokens", request.maxTokens() > 0 ? request.maxTokens() : options.positiveInt(MAX_TOKENS_DEFAULT, 4096));
        copyNumber(in, "temperature", out);
        copyNumber(in, "top_p", out);
        stopSequences(in.get("stop"), out);
        if (in.path("user").isString()) {
            out.putObject("metadata").put("user_id", in.path("user").stringValue());
        }
        AnthropicTools.convert(in, out);
        if (request.stream()) {
            out.put("stream", true);
        }
        return new UpstreamRequest("POST", target.resolve("messages"), headers(request, target, options),
                WireJson.MAPPER.writeValueAsBytes(out));
    }

    static AdapterOptions options(UpstreamTarget target) {
        AdapterOptions o = AdapterOptions.of(AnthropicAdapter.API, target, OPTIONS);
        o.positiveInt(MAX_TOKENS_DEFAULT, 4096);
        return o;
    }

    private static Map<String, String> headers(OpenAiRequest request, UpstreamTarget target, AdapterOptions options) {
        Map<String, String> h = new LinkedHashMap<>(target.headers());
        h.put("content-type", "application/json");
        h.put("accept", request.stream() ? "text/event-stream" : "application/json");
        h.put("anthropic-version", options.string(VERSION, "2023-06-01"));
        String beta = options.string(BETA, null);
        if (beta != null) {
            h.put("anthropic-beta", beta);
        }
        if (target.apiKey() != null) {
            h.put("x-api-key", target.apiKey());
        }
        return h;
    }

    private static void refuseUnsupported(JsonNode in) {
        if (in.path("n").asInt(1) > 1) {
            throw AnthropicMessages.invalid("n", "An Anthropic deployment returns one choice; 'n' must be 1.");
        }
        if (in.path("logprobs").asBoolean(false)) {
            throw AnthropicMessages.invalid("logprobs", "An Anthropic deployment does not return logprobs.");
        }
        String format = in.path("response_format").path("type").asString("text");
        if (!"text".equals(format)) {
            throw AnthropicMessages.invalid("response_format",
                    "response_format '" + format + "' cannot be sent to an Anthropic deployment; use a tool instead.");
        }
    }

    private static void copyNumber(JsonNode in, String name, ObjectNode out) {
        JsonNode v = in.get(name);
        if (v != null && v.isNumber()) {
            out.set(name, v);
        }
    }

    private static void stopSequences(JsonNode stop, ObjectNode out) {
        if (stop == null || stop.isNull()) {
            return;
        }
        ArrayNode seqs = WireJson.MAPPER.createArrayNode();
        if (stop.isString()) {
            seqs.add(stop.stringValue());
        } else {
            stop.forEach(s -> seqs.add(s.asString("")));
        }
        if (!seqs.isEmpty()) {
            out.set("stop_sequences", seqs);
        }
    }
}
