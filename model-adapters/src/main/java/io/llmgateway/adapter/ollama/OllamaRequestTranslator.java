package io.llmgateway.adapter.ollama;

import io.llmgateway.adapter.AdapterOptions;
import io.llmgateway.adapter.UpstreamRequest;
import io.llmgateway.adapter.UpstreamTarget;
import io.llmgateway.adapter.schema.OpenAiRequest;
import io.llmgateway.adapter.schema.WireJson;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI request -> Ollama's native API ({@code url: http://HOST:11434}): chat to {@code /api/chat},
 * legacy completions to {@code /api/generate}, embeddings to {@code /api/embed}. {@code stream} is
 * always sent (Ollama streams by default). Sampling parameters go into {@code options}
 * ({@code max_tokens} is {@code num_predict}); JSON response formats become {@code format}.
 * Options: {@code num-ctx} (context window to load the model with), {@code keep-alive}.
 */
public class OllamaRequestTranslator {

    static final String NUM_CTX = "num-ctx";
    static final String KEEP_ALIVE = "keep-alive";
    static final Set<String> OPTIONS = Set.of(NUM_CTX, KEEP_ALIVE);

    public UpstreamRequest translate(OpenAiRequest request, UpstreamTarget target) {
        AdapterOptions options = options(target);
        JsonNode in = request.body();
        ObjectNode out = WireJson.MAPPER.createObjectNode();
        out.put("model", target.model());
        String path = switch (request.operation()) {
            case CHAT -> chat(in, out);
            case COMPLETIONS -> generate(in, out);
            case EMBEDDINGS -> embed(in, out);
        };
        if (!"api/embed".equals(path)) {
            out.put("stream", request.stream());
            sampling(in, request.maxTokens(), options, out);
        }
        String keepAlive = options.string(KEEP_ALIVE, null);
        if (keepAlive != null) {
            out.put("keep_alive", keepAlive);
        }
        Map<String, String> h = new LinkedHashMap<>(target.headers());
        h.put("content-type", "application/json");
        h.put("accept", request.stream() ? "application/x-ndjson" : "application/json");
        if (target.apiKey() != null) {
            h.put("authorization", "Bearer " + target.apiKey());
        }
        return new UpstreamRequest("POST", target.resolve(path), h, WireJson.MAPPER.writeValueAsBytes(out));
    }

    static AdapterOptions options(UpstreamTarget target) {
        AdapterOptions o = AdapterOptions.of(OllamaAdapter.API, target, OPTIONS);
        o.positiveInt(NUM_CTX, 1);
        return o;
    }

    private static String chat(JsonNode in, ObjectNode out) {
        refuseUnsupported(in);
        out.set("messages", OllamaMessages.convert(in.path("messages")));
        boolean none = "none".equals(in.path("tool_choice").asString(""));
        if (in.path("tools").isArray() && !in.path("tools").isEmpty() && !none) {
            out.set("tools", in.get("tools"));
        }
        format(in.path("response_format"), out);
        return "api/chat";
    }

    private static String generate(JsonNode in, ObjectNode out) {
        refuseUnsupported(in);
        JsonNode prompt = in.path("prompt");
        if (prompt.isArray() && prompt.size() == 1 && prompt.get(0).isString()) {
            prompt = prompt.get(0);
        }
        if (!prompt.isString()) {
            throw OllamaMessages.invalid("prompt", "An Ollama deployment takes a single string prompt.");
        }
        out.put("prompt", prompt.stringValue());
        if (in.path("suffix").isString()) {
            out.put("suffix", in.path("suffix").stringValue());
        }
        return "api/generate";
    }

    private static String embed(JsonNode in, ObjectNode out) {
        JsonNode input = in.path("input");
        boolean strings = input.isString() || input.isArray() && input.valueStream().allMatch(JsonNode::isString);
        if (!strings) {
            throw OllamaMessages.invalid("input", "An Ollama deployment embeds text only, not token arrays.");
        }
        out.set("input", input);
        if (in.path("dimensions").isIntegralNumber()) {
            out.set("dimensions", in.get("dimensions"));
        }
        return "api/embed";
    }

    private static void refuseUnsupported(JsonNode in) {
        if (in.path("n").asInt(1) > 1) {
            throw OllamaMessages.invalid("n", "An Ollama deployment returns one choice; 'n' must be 1.");
        }
        if (in.path("logprobs").asBoolean(false) || in.path("logprobs").isIntegralNumber()) {
            throw OllamaMessages.invalid("logprobs", "This adapter does not return logprobs from an Ollama deployment.");
        }
    }

    private static void format(JsonNode rf, ObjectNode out) {
        switch (rf.path("type").asString("text")) {
            case "json_object" -> out.put("format", "json");
            case "json_schema" -> out.set("format", rf.path("json_schema").path("schema"));
            default -> {
                // text: nothing to ask
            }
        }
    }

    private static void sampling(JsonNode in, int maxTokens, AdapterOptions options, ObjectNode out) {
        ObjectNode o = WireJson.MAPPER.createObjectNode();
        for (String name : new String[] {"temperature", "top_p", "seed", "frequency_penalty", "presence_penalty"}) {
            if (in.path(name).isNumber()) {
                o.set(name, in.get(name));
            }
        }
        if (maxTokens > 0) {
            o.put("num_predict", maxTokens);
        }
        JsonNode stop = in.get("stop");
        if (stop != null && stop.isString()) {
            o.putArray("stop").add(stop.stringValue());
        } else if (stop != null && stop.isArray() && !stop.isEmpty()) {
            o.set("stop", stop);
        }
        if (options.string(NUM_CTX, null) != null) {
            o.put("num_ctx", options.positiveInt(NUM_CTX, 1));
        }
        if (!o.isEmpty()) {
            out.set("options", o);
        }
    }
}
