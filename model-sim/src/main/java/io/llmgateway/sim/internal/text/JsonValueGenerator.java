package io.llmgateway.sim.internal.text;

import java.util.SplittableRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deterministic JSON values that satisfy a (subset of) JSON Schema: object properties, string enums and
 * a few formats, integer/number with minimum/maximum, boolean, array items, anyOf/oneOf (first branch).
 * Used for tool-call arguments and {@code response_format} JSON answers.
 */
public final class JsonValueGenerator {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 4;

    private JsonValueGenerator() {
    }

    /** A value for {@code schema} (missing or non-object schema: a small generic object). */
    public static JsonNode generate(JsonNode schema, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        if (schema == null || !schema.isObject() || !schema.has("properties") && !schema.has("type")) {
            return genericObject(rnd);
        }
        return value(schema, rnd, 0);
    }

    private static JsonNode value(JsonNode schema, SplittableRandom rnd, int depth) {
        for (String union : new String[] {"anyOf", "oneOf", "allOf"}) {
            if (schema.path(union).isArray() && !schema.path(union).isEmpty()) {
                return value(schema.path(union).get(0), rnd, depth);
            }
        }
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(rnd.nextInt(schema.path("enum").size()));
        }
        if (schema.has("const")) {
            return schema.get("const");
        }
        JsonNode typeNode = schema.path("type");
        String type = typeNode.isArray() && !typeNode.isEmpty() ? typeNode.get(0).asString("string")
                : typeNode.isString() ? typeNode.stringValue() : schema.has("properties") ? "object" : "string";
        return switch (type) {
            case "object" -> depth >= MAX_DEPTH ? NODES.objectNode() : object(schema, rnd, depth);
            case "array" -> array(schema, rnd, depth);
            case "integer" -> NODES.numberNode(integer(schema, rnd));
            case "number" -> NODES.numberNode(Math.round((integer(schema, rnd) + rnd.nextDouble()) * 100) / 100.0);
            case "boolean" -> NODES.booleanNode(rnd.nextBoolean());
            case "null" -> NODES.nullNode();
            default -> NODES.stringNode(string(schema, rnd));
        };
    }

    private static ObjectNode object(JsonNode schema, SplittableRandom rnd, int depth) {
        ObjectNode out = NODES.objectNode();
        JsonNode props = schema.path("properties");
        if (!props.isObject() || props.isEmpty()) {
            out.put("value", Vocabulary.word(rnd));
            return out;
        }
        props.forEachEntry((name, sub) -> out.set(name, value(sub, rnd, depth + 1)));
        return out;
    }

    private static ArrayNode array(JsonNode schema, SplittableRandom rnd, int depth) {
        ArrayNode out = NODES.arrayNode();
        int min = schema.path("minItems").asInt(1);
        int count = Math.max(min, 1 + rnd.nextInt(2));
        for (int i = 0; i < count && depth < MAX_DEPTH; i++) {
            out.add(value(schema.path("items"), rnd, depth + 1));
        }
        return out;
    }

    private static long integer(JsonNode schema, SplittableRandom rnd) {
        long min = schema.path("minimum").asLong(0);
        long max = schema.path("maximum").asLong(Math.max(min, 0) + 100);
        return max <= min ? min : min + rnd.nextLong(max - min + 1);
    }

    private static String string(JsonNode schema, SplittableRandom rnd) {
        String format = schema.path("format").asString("");
        return switch (format) {
            case "date" -> "2024-0" + (1 + rnd.nextInt(9)) + "-1" + rnd.nextInt(10);
            case "date-time" -> "2024-05-1" + rnd.nextInt(10) + "T12:00:00Z";
            case "email" -> Vocabulary.word(rnd).toLowerCase() + "@example.com";
            case "uri" -> "https://example.com/" + Vocabulary.word(rnd).toLowerCase();
            default -> Vocabulary.word(rnd) + " " + Vocabulary.word(rnd);
        };
    }

    private static ObjectNode genericObject(SplittableRandom rnd) {
        ObjectNode out = NODES.objectNode();
        out.put("title", Vocabulary.word(rnd) + " " + Vocabulary.word(rnd));
        out.put("summary", Vocabulary.word(rnd) + " " + Vocabulary.word(rnd) + " " + Vocabulary.word(rnd));
        out.put("score", rnd.nextInt(10));
        out.putArray("tags").add(Vocabulary.word(rnd)).add(Vocabulary.word(rnd));
        return out;
    }
}
