package io.llmgateway.gateway.sensitivity;

import io.llmgateway.adapter.schema.WireJson;
import io.llmgateway.policy.sensitivity.RedactionMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Puts the masked values back into a whole (non-streamed) answer: every choice's {@code message.content}
 * (and {@code reasoning_content}), tool call and function call arguments, and {@code text} (completions).
 * Unknown placeholders stay as they are; an answer that is not JSON is returned unchanged.
 */
public final class AnswerRestorer {

    private AnswerRestorer() {
    }

    public static byte[] restore(byte[] answer, RedactionMap map) {
        if (map.isEmpty() || !containsOpening(answer)) {
            return answer; // no placeholder in it (embeddings, most answers): not even parsed
        }
        JsonNode root;
        try {
            root = WireJson.MAPPER.readTree(answer);
        } catch (JacksonException e) {
            return answer;
        }
        boolean changed = false;
        for (JsonNode choice : root.path("choices")) {
            JsonNode message = choice.path("message");
            changed |= restore(choice, "text", map);
            changed |= restore(message, "content", map);
            changed |= restore(message, "reasoning_content", map);
            changed |= restore(message.path("function_call"), "arguments", map);
            for (JsonNode call : message.path("tool_calls")) {
                changed |= restore(call.path("function"), "arguments", map);
            }
        }
        return changed ? WireJson.MAPPER.writeValueAsBytes(root) : answer;
    }

    /** Whether {@code [[} occurs: every placeholder starts with it, and JSON does not escape brackets. */
    private static boolean containsOpening(byte[] bytes) {
        for (int i = 1; i < bytes.length; i++) {
            if (bytes[i] == '[' && bytes[i - 1] == '[') {
                return true;
            }
        }
        return false;
    }

    private static boolean restore(JsonNode parent, String field, RedactionMap map) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isString() || !(parent instanceof ObjectNode o)) {
            return false;
        }
        String text = n.stringValue();
        String restored = map.restore(text);
        if (restored.equals(text)) {
            return false;
        }
        o.put(field, restored);
        return true;
    }
}
