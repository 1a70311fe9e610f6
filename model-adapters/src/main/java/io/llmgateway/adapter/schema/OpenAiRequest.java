package io.llmgateway.adapter.schema;

import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A client request in OpenAI's format. The JSON tree is kept whole so every field the gateway does
 * not interpret (tools, response_format, logprobs, seed, vendor extensions...) reaches the upstream
 * unchanged; the fields the gateway does interpret are validated and lifted into components.
 * The tree is never mutated: translators copy it.
 *
 * @param operation    which endpoint
 * @param body         the request as parsed (treat as read-only)
 * @param model        the model (alias) the client asked for
 * @param stream       whether the client asked for a stream
 * @param includeUsage whether the client asked for the usage chunk ({@code stream_options.include_usage})
 * @param maxTokens    {@code max_completion_tokens} or {@code max_tokens}, 0 if absent
 * @param hasTools     whether tool definitions are present
 */
public record OpenAiRequest(
        Operation operation,
        ObjectNode body,
        String model,
        boolean stream,
        boolean includeUsage,
        int maxTokens,
        boolean hasTools) {

    /** Parses and validates a request body; every problem is a 400 naming the offending parameter. */
    public static OpenAiRequest parse(Operation operation, byte[] bytes) {
        JsonNode root;
        try {
            root = WireJson.MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            throw GatewayException.builder(ErrorKind.INVALID_REQUEST,
                    "We could not parse the JSON body of your request: " + JsonProblem.describe(e)).build();
        }
        if (root == null || !root.isObject()) {
            throw invalid(null, "The request body must be a JSON object.");
        }
        ObjectNode body = (ObjectNode) root;
        RequestValidator.validate(operation, body);
        boolean stream = body.path("stream").asBoolean(false);
        boolean includeUsage = stream && body.path("stream_options").path("include_usage").asBoolean(false);
        int maxTokens = body.path("max_completion_tokens").asInt(body.path("max_tokens").asInt(0));
        boolean tools = body.path("tools").isArray() && !body.path("tools").isEmpty()
                || body.path("functions").isArray() && !body.path("functions").isEmpty();
        return new OpenAiRequest(operation, body, body.get("model").stringValue(), stream, includeUsage, maxTokens, tools);
    }

    /** A deep copy of the body, for translators to edit. */
    public ObjectNode copyBody() {
        return body.deepCopy();
    }

    static GatewayException invalid(String param, String message) {
        return GatewayException.builder(ErrorKind.INVALID_REQUEST, message).param(param).build();
    }
}
