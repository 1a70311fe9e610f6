package io.llmgateway.adapter.ollama;

import io.llmgateway.adapter.UpstreamRequest;
import io.llmgateway.adapter.UpstreamTarget;
import io.llmgateway.adapter.schema.WireJson;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ollama's model list ({@code GET /api/tags}) -> OpenAI's {@code /v1/models} list, for tools that
 * discover what a deployment has pulled (the gateway's own /v1/models lists policy aliases instead).
 */
public final class OllamaModelsTranslator {

    private OllamaModelsTranslator() {
    }

    public static UpstreamRequest request(UpstreamTarget target) {
        return new UpstreamRequest("GET", target.resolve("api/tags"), Map.of("accept", "application/json"), null);
    }

    public static byte[] toOpenAi(byte[] tags) {
        JsonNode root = WireJson.MAPPER.readTree(tags);
        ObjectNode out = WireJson.MAPPER.createObjectNode();
        out.put("object", "list");
        ArrayNode data = out.putArray("data");
        for (JsonNode m : root.path("models")) {
            ObjectNode model = data.addObject();
            model.put("id", m.path("model").asString(m.path("name").asString("")));
            model.put("object", "model");
            model.put("created", created(m.path("modified_at").asString("")));
            model.put("owned_by", "ollama");
        }
        return WireJson.MAPPER.writeValueAsBytes(out);
    }

    private static long created(String at) {
        try {
            return at.isEmpty() ? 0 : OffsetDateTime.parse(at).toEpochSecond();
        } catch (DateTimeParseException e) {
            return 0;
        }
    }
}
