package io.llmgateway.adapter.openai;

import io.llmgateway.adapter.UpstreamTarget;
import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.schema.AdapterResponse;
import io.llmgateway.adapter.schema.OpenAiRequest;
import io.llmgateway.adapter.schema.Operation;
import io.llmgateway.adapter.schema.ResponseStamp;
import io.llmgateway.adapter.schema.Usage;
import io.llmgateway.adapter.schema.WireJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Upstream OpenAI response -> client: checked, then passed through byte for byte unless an engine got
 * something wrong that the SDKs trip over ({@link OpenAiNormaliser}: missing ids, tool calls without
 * {@code type}, engine finish reasons), in which case the repaired JSON is sent. Usage is read off it.
 */
public class OpenAiResponseTranslator {

    public AdapterResponse translate(OpenAiRequest request, UpstreamTarget target, byte[] body, ResponseStamp stamp) {
        JsonNode root;
        try {
            root = WireJson.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw bad(target, "a body that is not valid JSON");
        }
        if (!(root instanceof ObjectNode answer)) {
            throw bad(target, "a body that is not a JSON object");
        }
        if (answer.has("error") && !answer.has("choices") && !answer.has("data")
                || "error".equals(answer.path("object").asString(""))) {
            // some servers answer 200 with an error body
            throw new OpenAiErrorTranslator().inStream(answer, target);
        }
        boolean embeddings = request.operation() == Operation.EMBEDDINGS;
        String expected = embeddings ? "data" : "choices";
        if (!answer.path(expected).isArray()) {
            throw bad(target, "a response without '" + expected + "'");
        }
        Usage usage = Usage.fromOpenAi(answer.get("usage"));
        if (!embeddings && new OpenAiNormaliser(request.operation(), stamp, target.model(), OpenAiNormaliser.namedToolChoice(request)).answer(answer)) {
            body = WireJson.MAPPER.writeValueAsBytes(answer);
        }
        return new AdapterResponse(body, usage == null ? Usage.NONE : usage);
    }

    static GatewayException bad(UpstreamTarget target, String what) {
        return GatewayException.of(ErrorKind.UPSTREAM_BAD_RESPONSE,
                "upstream '" + target.deploymentId() + "' answered with " + what);
    }
}
