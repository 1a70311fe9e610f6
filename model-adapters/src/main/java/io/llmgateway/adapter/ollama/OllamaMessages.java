package io.llmgateway.adapter.ollama;

import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.schema.WireJson;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI {@code messages} -> Ollama {@code /api/chat} messages: content parts joined into one string,
 * images as base64 in {@code images} (Ollama cannot fetch URLs), assistant tool calls with arguments as
 * JSON objects, and tool results with the {@code tool_name} Ollama expects (looked up from the call id).
 */
final class OllamaMessages {

    private OllamaMessages() {
    }

    static ArrayNode convert(JsonNode messages) {
        ArrayNode out = WireJson.MAPPER.createArrayNode();
        Map<String, String> toolNames = new HashMap<>();
        int i = 0;
        for (JsonNode m : messages) {
            String at = "messages[" + i++ + "]";
            String role = m.path("role").asString("");
            ObjectNode o = out.addObject();
            o.put("role", "developer".equals(role) ? "system" : role);
            content(m.get("content"), at + ".content", o);
            if ("assistant".equals(role) && m.path("tool_calls").isArray()) {
                ArrayNode calls = o.putArray("tool_calls");
                int j = 0;
                for (JsonNode call : m.path("tool_calls")) {
                    String name = call.path("function").path("name").asString("");
                    toolNames.put(call.path("id").asString(""), name);
                    ObjectNode fn = calls.addObject().putObject("function");
                    fn.put("name", name);
                    fn.set("arguments", arguments(call.path("function").path("arguments"), at + ".tool_calls[" + j++ + "]"));
                }
            }
            if ("tool".equals(role)) {
                String name = toolNames.get(m.path("tool_call_id").asString(""));
                if (name != null) {
                    o.put("tool_name", name);
                }
            }
        }
        return out;
    }

    private static void content(JsonNode content, String at, ObjectNode into) {
        if (content == null || content.isNull()) {
            into.put("content", "");
            return;
        }
        if (content.isString()) {
            into.put("content", content.stringValue());
            return;
        }
        StringBuilder text = new StringBuilder();
        ArrayNode images = null;
        int k = 0;
        for (JsonNode part : content) {
            String where = at + "[" + k++ + "]";
            switch (part.path("type").asString("")) {
                case "text" -> text.append(text.isEmpty() ? "" : "\n").append(part.path("text").asString(""));
                case "refusal" -> text.append(text.isEmpty() ? "" : "\n").append(part.path("refusal").asString(""));
                case "image_url" -> {
                    if (images == null) {
                        images = WireJson.MAPPER.createArrayNode();
                    }
                    images.add(base64Image(part.path("image_url").path("url").asString(""), where));
                }
                default -> throw invalid(where + ".type",
                        "Content parts of type '" + part.path("type").asString("") + "' cannot be sent to an Ollama deployment.");
            }
        }
        into.put("content", text.toString());
        if (images != null) {
            into.set("images", images);
        }
    }

    private static String base64Image(String url, String at) {
        int comma = url.indexOf(',');
        if (!url.startsWith("data:") || comma < 0 || !url.substring(0, comma).endsWith(";base64")) {
            throw invalid(at + ".image_url.url", "An Ollama deployment takes images as base64 data URLs only.");
        }
        return url.substring(comma + 1);
    }

    private static JsonNode arguments(JsonNode args, String at) {
        JsonNode object = WireJson.argumentsObject(args);
        if (object == null) {
            throw invalid(at + ".function.arguments", "Tool call arguments must be a JSON object to be sent to an Ollama deployment.");
        }
        return object;
    }

    static GatewayException invalid(String param, String message) {
        return GatewayException.builder(ErrorKind.INVALID_REQUEST, message).param(param).build();
    }
}
