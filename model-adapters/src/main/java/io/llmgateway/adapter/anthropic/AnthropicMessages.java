package io.llmgateway.adapter.anthropic;

import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.schema.WireJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI {@code messages} -> Anthropic {@code system} + {@code messages}: system and developer
 * messages become the system prompt; text, image and PDF parts become content blocks; assistant tool
 * calls become {@code tool_use} blocks and tool messages {@code tool_result} blocks in a user turn;
 * consecutive turns of one role are merged (Anthropic alternates user and assistant).
 */
final class AnthropicMessages {

    private final ArrayNode system = WireJson.MAPPER.createArrayNode();
    private final ArrayNode messages = WireJson.MAPPER.createArrayNode();

    private AnthropicMessages() {
    }

    /** Writes {@code system} (if any) and {@code messages} into {@code out}. */
    static void convert(JsonNode openAiMessages, ObjectNode out) {
        AnthropicMessages m = new AnthropicMessages();
        int i = 0;
        for (JsonNode msg : openAiMessages) {
            m.add(msg, "messages[" + i++ + "]");
        }
        if (!m.system.isEmpty()) {
            out.set("system", AnthropicContent.compact(m.system));
        }
        ArrayNode msgs = out.putArray("messages");
        for (JsonNode msg : m.messages) {
            ObjectNode copy = (ObjectNode) msg;
            copy.set("content", AnthropicContent.compact((ArrayNode) copy.get("content")));
            msgs.add(copy);
        }
    }

    private void add(JsonNode msg, String at) {
        String role = msg.path("role").asString("");
        switch (role) {
            case "system", "developer" -> AnthropicContent.blocks(msg.get("content"), at + ".content", system);
            case "user" -> append("user", AnthropicContent.blocks(msg.get("content"), at + ".content", newArray()));
            case "assistant" -> append("assistant", assistant(msg, at));
            case "tool" -> append("user", toolResult(msg, at));
            default -> throw invalid(at + ".role", "Messages with role '" + role + "' cannot be sent to an Anthropic deployment.");
        }
    }

    private static ArrayNode assistant(JsonNode msg, String at) {
        ArrayNode blocks = AnthropicContent.blocks(msg.get("content"), at + ".content", newArray());
        int j = 0;
        for (JsonNode call : msg.path("tool_calls")) {
            String where = at + ".tool_calls[" + j++ + "]";
            ObjectNode use = blocks.addObject();
            use.put("type", "tool_use");
            use.put("id", call.path("id").asString(""));
            use.put("name", call.path("function").path("name").asString(""));
            use.set("input", arguments(call.path("function").path("arguments"), where + ".function.arguments"));
        }
        return blocks;
    }

    private static ArrayNode toolResult(JsonNode msg, String at) {
        ArrayNode blocks = newArray();
        ObjectNode result = blocks.addObject();
        result.put("type", "tool_result");
        result.put("tool_use_id", msg.path("tool_call_id").asString(""));
        JsonNode content = msg.get("content");
        if (content != null && content.isArray()) {
            result.set("content", AnthropicContent.blocks(content, at + ".content", newArray()));
        } else {
            result.put("content", content == null || content.isNull() ? "" : content.asString(""));
        }
        return blocks;
    }

    private static JsonNode arguments(JsonNode args, String at) {
        JsonNode object = WireJson.argumentsObject(args);
        if (object == null) {
            throw invalid(at, "Tool call arguments must be a JSON object to be sent to an Anthropic deployment.");
        }
        return object;
    }

    private void append(String role, ArrayNode blocks) {
        if (blocks.isEmpty()) {
            return;
        }
        JsonNode last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
        if (last != null && role.equals(last.path("role").asString(""))) {
            ((ArrayNode) last.get("content")).addAll(blocks);
            return;
        }
        ObjectNode m = messages.addObject();
        m.put("role", role);
        m.set("content", blocks);
    }

    private static ArrayNode newArray() {
        return WireJson.MAPPER.createArrayNode();
    }

    static GatewayException invalid(String param, String message) {
        return GatewayException.builder(ErrorKind.INVALID_REQUEST, message).param(param).build();
    }
}
