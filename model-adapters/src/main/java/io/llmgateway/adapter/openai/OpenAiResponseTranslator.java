package io.llmgateway.adapter.openai;

import io.llmgateway.adapter.UpstreamTarget;
import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.schema.AdapterResponse;
import io.llmgateway.adapter.schema.OpenAiRequest;
import io.llmgateway.adapter.schema.Usage;
import io.llmgateway.adapter.schema.WireJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Upstream OpenAI response -> client: passed through byte for byte once checked; usage is read off it. */
public class OpenAiResponseTranslator {

    public AdapterResponse translate(OpenAiRequest request, UpstreamTarget target, byte[] body) {
        JsonNode root;
        try {
            root = WireJson.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw bad(target, "a body that is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw bad(target, "a body that is not a JSON object");
        }
        if (root.has("error") && !root.has("choices") && !root.has("data")) {
            // some servers answer 200 with an error body
            throw new OpenAiErrorTranslator().translate(500, java.util.Map.of(), body, target);
        }
        String expected = request.operation() == io.llmgateway.adapter.schema.Operation.EMBEDDINGS ? "data" : "choices";
        if (!root.path(expected).isArray()) {
            throw bad(target, "a response without '" + expected + "'");
        }
        Usage usage = Usage.fromOpenAi(root.get("usage"));
        return new AdapterResponse(body, usage == null ? Usage.NONE : usage);
    }

    static GatewayException bad(UpstreamTarget target, String what) {
        return GatewayException.of(ErrorKind.UPSTREAM_BAD_RESPONSE,
                "upstream '" + target.deploymentId() + "' answered with " + what);
    }
}
