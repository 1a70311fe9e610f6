package io.llmgateway.sim.internal.protocol;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The simulator's one JSON mapper: parse request bodies, build and write response trees. */
public final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    /** Parses a request body; malformed JSON or a non-object becomes a 400. */
    public static JsonNode parseObject(String body) {
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw ApiException.badRequest("Invalid JSON in request body: " + e.getOriginalMessage(), null);
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("Request body must be a JSON object.", null);
        }
        return node;
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    public static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }
}
