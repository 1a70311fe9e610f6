package io.llmgateway.sim.internal.protocol;

import io.llmgateway.sim.internal.text.EmbeddingVectors;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The {@code /v1/embeddings} response: one unit-norm vector per input, float list or base64. */
public final class EmbeddingRenderer {
    private EmbeddingRenderer() {
    }

    public static String body(EmbeddingCall call, ResponseIdentity ident) {
        ObjectNode body = Json.object().put("id", ident.id()).put("object", "list").put("created", ident.created())
                .put("model", ident.model());
        ArrayNode data = body.putArray("data");
        for (int i = 0; i < call.inputs().size(); i++) {
            float[] vector = EmbeddingVectors.embed(call.model().name(), call.inputs().get(i).hash(), call.dimensions());
            ObjectNode item = data.addObject().put("index", i).put("object", "embedding");
            if (call.base64()) {
                item.put("embedding", EmbeddingVectors.base64(vector));
            } else {
                ArrayNode values = item.putArray("embedding");
                for (float f : vector) {
                    values.add(f);
                }
            }
        }
        body.set("usage", Json.object().put("prompt_tokens", call.promptTokens()).put("total_tokens", call.promptTokens())
                .put("completion_tokens", 0));
        return Json.write(body);
    }
}
