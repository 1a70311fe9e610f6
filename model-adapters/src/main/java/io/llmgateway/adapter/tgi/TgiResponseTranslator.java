package io.llmgateway.adapter.tgi;

import io.llmgateway.adapter.UpstreamTarget;
import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.schema.AdapterResponse;
import io.llmgateway.adapter.schema.AnswerWriter;
import io.llmgateway.adapter.schema.OpenAiRequest;
import io.llmgateway.adapter.schema.RequestText;
import io.llmgateway.adapter.schema.ResponseStamp;
import io.llmgateway.adapter.schema.Usage;
import io.llmgateway.adapter.schema.WireJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * TGI {@code /generate} answer ({@code {"generated_text","details":{"finish_reason","generated_tokens",...}}})
 * -> OpenAI {@code chat.completion} or {@code text_completion}. TGI counts generated tokens but not
 * prompt tokens in a non-streamed answer (unless prefill details were asked for, which costs GPU
 * time), so the prompt count is the gateway's estimate and the usage is marked estimated.
 */
public class TgiResponseTranslator {

    public AdapterResponse translate(OpenAiRequest request, UpstreamTarget target, byte[] body, ResponseStamp stamp) {
        JsonNode root;
        try {
            root = WireJson.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw bad(target, "a body that is not valid JSON");
        }
        if (root != null && root.isArray() && root.size() == 1) {
            root = root.get(0); // the compatibility route "/" answers with a one-element array
        }
        if (root == null || !root.isObject() || !root.path("generated_text").isString()) {
            if (root != null && root.path("error").isString()) {
                throw new TgiErrorTranslator().inStream(root, target);
            }
            throw bad(target, "an answer without 'generated_text'");
        }
        JsonNode details = root.path("details");
        long completion = details.path("generated_tokens").asLong(0);
        long prompt = details.path("prefill").isArray() && !details.path("prefill").isEmpty()
                ? details.path("prefill").size() : RequestText.estimateTokens(request);
        boolean exact = details.path("prefill").isArray() && !details.path("prefill").isEmpty();
        return new AnswerWriter(request.operation(), stamp.id(request.operation()), stamp.created(), target.model())
                .content(root.path("generated_text").stringValue())
                .finish(TgiFinishReason.of(details.path("finish_reason").asString("")))
                .usage(new Usage(prompt, completion, 0, !exact))
                .toResponse();
    }

    static GatewayException bad(UpstreamTarget target, String what) {
        return GatewayException.of(ErrorKind.UPSTREAM_BAD_RESPONSE,
                "upstream '" + target.deploymentId() + "' answered with " + what);
    }
}
