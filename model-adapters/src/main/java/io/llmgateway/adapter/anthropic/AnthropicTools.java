package io.llmgateway.adapter.anthropic;

import io.llmgateway.adapter.schema.WireJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI {@code tools}, {@code tool_choice} and {@code parallel_tool_calls} -> Anthropic's
 * {@code tools} ({@code input_schema}) and {@code tool_choice} ({@code auto}, {@code any},
 * {@code none}, {@code tool} with a name; {@code disable_parallel_tool_use}).
 */
final class AnthropicTools {

    private AnthropicTools() {
    }

    static void convert(JsonNode in, ObjectNode out) {
        if (in.path("functions").isArray() && !in.path("functions").isEmpty()) {
            throw AnthropicMessages.invalid("functions",
                    "The deprecated 'functions' parameter cannot be sent to an Anthropic deployment; use 'tools'.");
        }
        JsonNode tools = in.path("tools");
        if (!tools.isArray() || tools.isEmpty()) {
            return;
        }
        ArrayNode converted = out.putArray("tools");
        int i = 0;
        for (JsonNode tool : tools) {
            String at = "tools[" + i++ + "]";
            if (!"function".equals(tool.path("type").asString(""))) {
                throw AnthropicMessages.invalid(at + ".type", "Only function tools can be sent to an Anthropic deployment.");
            }
            JsonNode fn = tool.path("function");
            ObjectNode t = converted.addObject();
            t.put("name", fn.path("name").asString(""));
            if (fn.path("description").isString()) {
                t.put("description", fn.path("description").stringValue());
            }
            JsonNode params = fn.get("parameters");
            if (params != null && params.isObject()) {
                t.set("input_schema", params);
            } else {
                t.putObject("input_schema").put("type", "object").putObject("properties");
            }
        }
        ObjectNode choice = choice(in.get("tool_choice"));
        if (in.path("parallel_tool_calls").isBoolean() && !in.path("parallel_tool_calls").booleanValue()) {
            if (choice == null) {
                choice = WireJson.MAPPER.createObjectNode().put("type", "auto");
            }
            if (!"none".equals(choice.path("type").asString(""))) {
                choice.put("disable_parallel_tool_use", true);
            }
        }
        if (choice != null) {
            out.set("tool_choice", choice);
        }
    }

    private static ObjectNode choice(JsonNode tc) {
        if (tc == null || tc.isNull()) {
            return null;
        }
        ObjectNode c = WireJson.MAPPER.createObjectNode();
        if (tc.isString()) {
            switch (tc.stringValue()) {
                case "auto" -> c.put("type", "auto");
                case "required" -> c.put("type", "any");
                case "none" -> c.put("type", "none");
                default -> throw AnthropicMessages.invalid("tool_choice", "Unknown tool_choice '" + tc.stringValue() + "'.");
            }
            return c;
        }
        if ("function".equals(tc.path("type").asString("")) && tc.path("function").path("name").isString()) {
            c.put("type", "tool");
            c.put("name", tc.path("function").path("name").stringValue());
            return c;
        }
        throw AnthropicMessages.invalid("tool_choice",
                "Only 'auto', 'required', 'none' or a named function can be sent to an Anthropic deployment as tool_choice.");
    }
}
