package io.llmgateway.adapter.anthropic;

import io.llmgateway.adapter.UpstreamTarget;
import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.schema.AdapterResponse;
import io.llmgateway.adapter.schema.AnswerWriter;
import io.llmgateway.adapter.schema.Operation;
import io.llmgateway.adapter.schema.ResponseStamp;
import io.llmgateway.adapter.schema.WireJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Anthropic message -> OpenAI {@code chat.completion}: text blocks joined into the content, thinking
 * as {@code reasoning_content}, {@code tool_use} blocks as tool calls (input serialised as the
 * arguments string), stop_reason as finish_reason, usage with cache tokens. The message id is kept;
 * {@code created} is stamped by the gateway (Anthropic sends none). Server-side tool blocks (web
 * fetch, search) and fallback markers carry nothing for an OpenAI client and are skipped.
 */
public class AnthropicResponseTranslator {

    public AdapterResponse translate(UpstreamTarget target, byte[] body, ResponseStamp stamp) {
        JsonNode root;
        try {
            root = WireJson.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw bad(target, "a body that is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw bad(target, "a body that is not a JSON object");
        }
        if ("error".equals(root.path("type").asString(""))) {
            throw new AnthropicErrorTranslator().inStream(root, target);
        }
        if (!root.path("content").isArray()) {
            throw bad(target, "a message without 'content'");
        }
        AnswerWriter answer = new AnswerWriter(Operation.CHAT, root.path("id").asString(stamp.id(Operation.CHAT)),
                stamp.created(), root.path("model").asString(target.model()));
        for (JsonNode block : root.path("content")) {
            switch (block.path("type").asString("")) {
                case "text" -> answer.content(block.path("text").asString(""));
                case "thinking" -> answer.reasoning(block.path("thinking").asString(""));
                case "tool_use" -> answer.toolCall(block.path("id").asString(""), block.path("name").asString(""),
                        block.path("input").isObject() ? block.path("input").toString() : "{}");
                default -> {
                    // redacted_thinking, server_tool_use, *_tool_result, fallback: nothing for an OpenAI client
                }
            }
        }
        answer.finish(AnthropicStopReason.finishReason(root.path("stop_reason").asString(null)));
        answer.usage(AnthropicUsage.of(root.get("usage")));
        return answer.toResponse();
    }

    static GatewayException bad(UpstreamTarget target, String what) {
        return GatewayException.of(ErrorKind.UPSTREAM_BAD_RESPONSE,
                "upstream '" + target.deploymentId() + "' answered with " + what);
    }
}
