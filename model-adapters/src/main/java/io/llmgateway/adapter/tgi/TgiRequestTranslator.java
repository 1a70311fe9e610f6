package io.llmgateway.adapter.tgi;

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
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI chat or completion request -> TGI's native {@code POST /generate} or {@code /generate_stream}
 * ({@code url: http://HOST:8080}): the prompt (chat rendered with the {@code chat-template} option),
 * and {@code parameters} with {@code details: true} so the finish reason and token counts come back.
 * TGI's constraints are met rather than tripped over: temperature 0 means greedy decoding (no
 * {@code do_sample}), {@code top_p} of 1 is left out. JSON response formats become a JSON grammar.
 */
public class TgiRequestTranslator {

    static final String CHAT_TEMPLATE = "chat-template";

    public UpstreamRequest translate(OpenAiRequest request, UpstreamTarget target) {
        AdapterOptions options = options(target);
        JsonNode in = request.body();
        refuseUnsupported(in);
        ObjectNode out = WireJson.MAPPER.createObjectNode();
        if (request.operation() == Operation.CHAT) {
            out.put("inputs", TgiPromptTemplate.named(options.oneOf(CHAT_TEMPLATE, "chatml", TgiPromptTemplate.NAMES))
                    .render(in.path("messages")));
        } else if (request.operation() == Operation.COMPLETIONS) {
            out.put("inputs", prompt(in.path("prompt")));
        } else {
            throw TgiPromptTemplate.invalid(null, "A TGI deployment does not serve " + request.operation().path() + ".");
        }
        out.set("parameters", parameters(in, request.maxTokens()));
        Map<String, String> h = new LinkedHashMap<>(target.headers());
        h.put("content-type", "application/json");
        h.put("accept", request.stream() ? "text/event-stream" : "application/json");
        if (target.apiKey() != null) {
            h.put("authorization", "Bearer " + target.apiKey());
        }
        String path = request.stream() ? "generate_stream" : "generate";
        return new UpstreamRequest("POST", target.resolve(path), h, WireJson.MAPPER.writeValueAsBytes(out));
    }

    static AdapterOptions options(UpstreamTarget target) {
        AdapterOptions o = AdapterOptions.of(TgiAdapter.API, target, Set.of(CHAT_TEMPLATE));
        o.oneOf(CHAT_TEMPLATE, "chatml", TgiPromptTemplate.NAMES);
        return o;
    }

    private static ObjectNode parameters(JsonNode in, int maxTokens) {
        ObjectNode p = WireJson.MAPPER.createObjectNode();
        if (maxTokens > 0) {
            p.put("max_new_tokens", maxTokens);
        }
        double temperature = in.path("temperature").asDouble(1.0);
        if (in.path("temperature").isNumber() && temperature > 0) {
            p.put("do_sample", true);
            p.set("temperature", in.get("temperature"));
        }
        if (in.path("top_p").isNumber() && in.path("top_p").asDouble() < 1.0 && in.path("top_p").asDouble() > 0) {
            p.set("top_p", in.get("top_p"));
        }
        for (String name : new String[] {"seed", "frequency_penalty"}) {
            if (in.path(name).isNumber()) {
                p.set(name, in.get(name));
            }
        }
        JsonNode stop = in.get("stop");
        if (stop != null && stop.isString()) {
            p.putArray("stop").add(stop.stringValue());
        } else if (stop != null && stop.isArray() && !stop.isEmpty()) {
            p.set("stop", stop);
        }
        JsonNode rf = in.path("response_format");
        switch (rf.path("type").asString("text")) {
            case "json_object" -> p.putObject("grammar").put("type", "json").putObject("value").put("type", "object");
            case "json_schema" -> p.putObject("grammar").put("type", "json").set("value", rf.path("json_schema").path("schema"));
            default -> {
                // text
            }
        }
        p.put("details", true);
        p.put("return_full_text", false);
        return p;
    }

    private static String prompt(JsonNode prompt) {
        if (prompt.isArray() && prompt.size() == 1 && prompt.get(0).isString()) {
            prompt = prompt.get(0);
        }
        if (!prompt.isString()) {
            throw TgiPromptTemplate.invalid("prompt", "A TGI deployment takes a single string prompt.");
        }
        return prompt.stringValue();
    }

    private static void refuseUnsupported(JsonNode in) {
        if (in.path("tools").isArray() && !in.path("tools").isEmpty() || in.path("functions").isArray() && !in.path("functions").isEmpty()) {
            throw TgiPromptTemplate.invalid("tools",
                    "A TGI deployment without the Messages API cannot call tools; serve it with api: openai (TGI >= 1.4).");
        }
        if (in.path("n").asInt(1) > 1) {
            throw TgiPromptTemplate.invalid("n", "A TGI deployment returns one choice; 'n' must be 1.");
        }
        if (in.path("logprobs").asBoolean(false) || in.path("logprobs").isIntegralNumber()) {
            throw TgiPromptTemplate.invalid("logprobs", "This adapter does not return logprobs from a TGI deployment.");
        }
    }
}
