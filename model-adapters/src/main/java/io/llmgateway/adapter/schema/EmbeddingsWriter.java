package io.llmgateway.adapter.schema;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes OpenAI's embeddings answer ({@code {"object":"list","data":[{"object":"embedding","index","embedding"}],
 * "model","usage"}}) from vectors an upstream returned, as float arrays or, when the client asked for
 * {@code encoding_format: base64} (the OpenAI SDKs' default), as base64 of little-endian float32.
 */
public final class EmbeddingsWriter {

    private EmbeddingsWriter() {
    }

    /**
     * @param vectors      array of number arrays
     * @param base64       whether the client asked for base64
     * @param promptTokens input tokens the upstream counted
     */
    public static AdapterResponse write(String model, JsonNode vectors, boolean base64, long promptTokens) {
        ObjectNode root = WireJson.MAPPER.createObjectNode();
        root.put("object", "list");
        ArrayNode data = root.putArray("data");
        int i = 0;
        for (JsonNode v : vectors) {
            ObjectNode item = data.addObject();
            item.put("object", "embedding");
            item.put("index", i++);
            if (base64) {
                item.put("embedding", base64(v));
            } else {
                item.set("embedding", v);
            }
        }
        root.put("model", model);
        ObjectNode u = root.putObject("usage");
        u.put("prompt_tokens", promptTokens);
        u.put("total_tokens", promptTokens);
        return new AdapterResponse(WireJson.MAPPER.writeValueAsBytes(root), Usage.reported(promptTokens, 0, 0));
    }

    /** Whether the client asked for base64-encoded vectors. */
    public static boolean wantsBase64(OpenAiRequest request) {
        return "base64".equals(request.body().path("encoding_format").asString(""));
    }

    private static String base64(JsonNode vector) {
        ByteBuffer buf = ByteBuffer.allocate(vector.size() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (JsonNode x : vector) {
            buf.putFloat((float) x.asDouble());
        }
        return Base64.getEncoder().encodeToString(buf.array());
    }
}
