package io.llmgateway.adapter.schema;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper for everything on the wire. Strict where leniency would let the gateway and an
 * upstream read the same body differently: duplicate keys are rejected (the classifier must see what
 * the upstream sees), and depth and sizes are bounded.
 */
public final class WireJson {

    public static final int MAX_NESTING_DEPTH = 64;

    public static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxNumberLength(100)
                            .maxStringLength(64 * 1024 * 1024)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .build();

    private WireJson() {
    }

    /**
     * Tool-call arguments as a JSON object, for APIs that take them as an object rather than OpenAI's
     * JSON text: the object itself, the object the text holds, {@code {}} for empty text; null when the
     * arguments are neither (the caller reports it in its own words).
     */
    public static JsonNode argumentsObject(JsonNode args) {
        if (args.isObject()) {
            return args;
        }
        String text = args.asString("").strip();
        if (text.isEmpty()) {
            return MAPPER.createObjectNode();
        }
        try {
            JsonNode parsed = MAPPER.readTree(text);
            return parsed != null && parsed.isObject() ? parsed : null;
        } catch (JacksonException e) {
            return null;
        }
    }
}
