package io.llmgateway.adapter.schema;

import static io.llmgateway.adapter.schema.OpenAiRequest.invalid;

import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks the fields the gateway interprets, with OpenAI's rules and messages. Values out of range are
 * rejected, never clamped. Fields the gateway does not interpret are left to the upstream.
 */
final class RequestValidator {

    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool", "function");
    static final int MAX_MESSAGES = 4096;

    private RequestValidator() {
    }

    static void validate(Operation op, ObjectNode body) {
        JsonNode model = body.get("model");
        if (model == null || model.isNull()) {
            throw invalid("model", "you must provide a model parameter");
        }
        if (!model.isString() || model.stringValue().isBlank()) {
            throw invalid("model", "'model' must be a non-empty string.");
        }
        switch (op) {
            case CHAT -> messages(body.get("messages"));
            case COMPLETIONS -> prompt(body.get("prompt"), "prompt");
            case EMBEDDINGS -> prompt(body.get("input"), "input");
        }
        if (op == Operation.EMBEDDINGS) {
            if (body.path("stream").asBoolean(false)) {
                throw invalid("stream", "Embeddings cannot be streamed.");
            }
            optionalInt(body, "dimensions", 1, 65536);
            return;
        }
        JsonNode stream = body.get("stream");
        if (stream != null && !stream.isNull() && !stream.isBoolean()) {
            throw invalid("stream", "'stream' must be a boolean.");
        }
        JsonNode so = body.get("stream_options");
        if (so != null && !so.isNull()) {
            if (stream == null || !stream.asBoolean(false)) {
                throw invalid("stream_options", "The 'stream_options' parameter is only allowed when 'stream' is enabled.");
            }
            if (!so.isObject()) {
                throw invalid("stream_options", "'stream_options' must be an object.");
            }
            JsonNode iu = so.get("include_usage");
            if (iu != null && !iu.isNull() && !iu.isBoolean()) {
                throw invalid("stream_options.include_usage", "'include_usage' must be a boolean.");
            }
        }
        optionalInt(body, "max_tokens", 1, Integer.MAX_VALUE);
        optionalInt(body, "max_completion_tokens", 1, Integer.MAX_VALUE);
        optionalInt(body, "n", 1, 128);
        optionalNumber(body, "temperature", 0, 2);
        optionalNumber(body, "top_p", 0, 1);
        optionalNumber(body, "presence_penalty", -2, 2);
        optionalNumber(body, "frequency_penalty", -2, 2);
        JsonNode tools = body.get("tools");
        if (tools != null && !tools.isNull() && !tools.isArray()) {
            throw invalid("tools", "'tools' must be an array.");
        }
    }

    private static void messages(JsonNode messages) {
        if (messages == null || messages.isNull()) {
            throw invalid("messages", "Missing required parameter: 'messages'.");
        }
        if (!messages.isArray()) {
            throw invalid("messages", "'messages' must be an array.");
        }
        if (messages.isEmpty()) {
            throw invalid("messages", "'messages' must contain at least one message.");
        }
        if (messages.size() > MAX_MESSAGES) {
            throw invalid("messages", "'messages' has " + messages.size() + " entries; at most " + MAX_MESSAGES + " are accepted.");
        }
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            String at = "messages[" + i + "]";
            if (!m.isObject()) {
                throw invalid(at, "Invalid type for '" + at + "': expected an object.");
            }
            JsonNode role = m.get("role");
            if (role == null || !role.isString()) {
                throw invalid(at + ".role", "Missing required parameter: '" + at + ".role'.");
            }
            if (!ROLES.contains(role.stringValue())) {
                throw invalid(at + ".role", "Invalid value: '" + truncate(role.stringValue()) + "'. Supported values are: "
                        + "'system', 'developer', 'user', 'assistant', 'tool' and 'function'.");
            }
            JsonNode content = m.get("content");
            if (content != null && !(content.isNull() || content.isString() || content.isArray())) {
                throw invalid(at + ".content", "Invalid type for '" + at + ".content': expected a string or an array of content parts.");
            }
        }
    }

    private static void prompt(JsonNode p, String name) {
        if (p == null || p.isNull()) {
            throw invalid(name, "Missing required parameter: '" + name + "'.");
        }
        if (p.isString()) {
            return;
        }
        if (!p.isArray() || p.isEmpty()) {
            throw invalid(name, "'" + name + "' must be a string, an array of strings, or an array of token arrays, and not empty.");
        }
        for (JsonNode item : p) {
            boolean ok = item.isString() || item.isIntegralNumber()
                    || item.isArray() && !item.isEmpty() && allIntegers(item);
            if (!ok) {
                throw invalid(name, "'" + name + "' must be a string, an array of strings, or an array of token arrays.");
            }
        }
    }

    private static boolean allIntegers(JsonNode arr) {
        for (JsonNode n : arr) {
            if (!n.isIntegralNumber()) {
                return false;
            }
        }
        return true;
    }

    private static void optionalInt(ObjectNode body, String name, long min, long max) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) {
            return;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < min || v.longValue() > max) {
            throw invalid(name, "Invalid '" + name + "': expected an integer between " + min + " and " + max + ".");
        }
    }

    private static void optionalNumber(ObjectNode body, String name, double min, double max) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) {
            return;
        }
        if (!v.isNumber() || Double.isNaN(v.doubleValue()) || v.doubleValue() < min || v.doubleValue() > max) {
            throw invalid(name, "Invalid '" + name + "': expected a number between " + fmt(min) + " and " + fmt(max) + ".");
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static String truncate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
