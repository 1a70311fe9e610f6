package io.llmgateway.adapter.ollama;

import io.llmgateway.adapter.UpstreamTarget;
import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.schema.AdapterResponse;
import io.llmgateway.adapter.schema.AnswerWriter;
import io.llmgateway.adapter.schema.EmbeddingsWriter;
import io.llmgateway.adapter.schema.OpenAiRequest;
import io.llmgateway.adapter.schema.Operation;
import io.llmgateway.adapter.schema.ResponseStamp;
import io.llmgateway.adapter.schema.WireJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Ollama answers -> OpenAI: {@code /api/chat} to {@code chat.completion} (thinking as
 * {@code reasoning_content}, tool calls with gateway-made ids and arguments serialised to a string),
 * {@code /api/generate} to {@code text_completion}, {@code /api/embed} to an embeddings list. Usage
 * from {@code prompt_eval_count}/{@code eval_count}; {@code created} from {@code created_at}.
 */
public class OllamaResponseTranslator {

    public AdapterResponse translate(OpenAiRequest request, UpstreamTarget target, byte[] body, ResponseStamp stamp) {
        JsonNode root = parse(target, body);
        if (root.path("error").isString()) {
            throw new OllamaErrorTranslator().inStream(root, target);
        }
        String model = root.path("model").asString(target.model());
        if (request.operation() == Operation.EMBEDDINGS) {
            if (!root.path("embeddings").isArray()) {
                throw bad(target, "an embeddings answer without 'embeddings'");
            }
            return EmbeddingsWriter.write(model, root.path("embeddings"), EmbeddingsWriter.wantsBase64(request),
                    Math.max(0, root.path("prompt_eval_count").asLong(0)));
        }
        AnswerWriter answer = new AnswerWriter(request.operation(), stamp.id(request.operation()),
                OllamaDone.created(root, stamp.created()), model);
        if (request.operation() == Operation.COMPLETIONS) {
            answer.content(root.path("response").asString(""));
        } else {
            JsonNode message = root.path("message");
            if (!message.isObject()) {
                throw bad(target, "a chat answer without 'message'");
            }
            answer.content(message.path("content").asString(""));
            String thinking = message.path("thinking").asString("");
            if (!thinking.isEmpty()) {
                answer.reasoning(thinking);
            }
            int i = 0;
            for (JsonNode call : message.path("tool_calls")) {
                JsonNode fn = call.path("function");
                JsonNode args = fn.path("arguments");
                answer.toolCall(stamp.toolCallId(i++), fn.path("name").asString(""),
                        args.isString() ? args.stringValue() : args.isObject() ? args.toString() : "{}");
            }
        }
        answer.finish(OllamaDone.finishReason(root, answer.hasToolCalls()));
        answer.usage(OllamaDone.usage(root));
        return answer.toResponse();
    }

    private static JsonNode parse(UpstreamTarget target, byte[] body) {
        try {
            JsonNode root = WireJson.MAPPER.readTree(body);
            if (root != null && root.isObject()) {
                return root;
            }
        } catch (JacksonException ignored) {
            // reported below
        }
        throw bad(target, "a body that is not a JSON object");
    }

    static GatewayException bad(UpstreamTarget target, String what) {
        return GatewayException.of(ErrorKind.UPSTREAM_BAD_RESPONSE,
                "upstream '" + target.deploymentId() + "' answered with " + what);
    }
}
