package io.llmgateway.adapter.schema;

import java.util.Objects;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes one complete translated answer as OpenAI's {@code chat.completion} (or {@code text_completion}
 * for legacy completions): a single choice whose message holds the text (null when there is none),
 * tool calls with string arguments, reasoning as {@code reasoning_content}, the finish reason, usage.
 */
public final class AnswerWriter {

    private final Operation operation;
    private final String id;
    private final long created;
    private final String model;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder reasoning = new StringBuilder();
    private final ArrayNode toolCalls = WireJson.MAPPER.createArrayNode();
    private boolean hasText;
    private String finishReason = FinishReason.STOP.wire();
    private Usage usage = Usage.NONE;

    public AnswerWriter(Operation operation, String id, long created, String model) {
        this.operation = Objects.requireNonNull(operation, "operation");
        this.id = Objects.requireNonNull(id, "id");
        this.created = created;
        this.model = Objects.requireNonNull(model, "model");
    }

    public AnswerWriter content(String piece) {
        if (piece != null) {
            text.append(piece);
            hasText = true;
        }
        return this;
    }

    public AnswerWriter reasoning(String piece) {
        if (piece != null) {
            reasoning.append(piece);
        }
        return this;
    }

    public AnswerWriter toolCall(String callId, String name, String arguments) {
        ObjectNode call = toolCalls.addObject();
        call.put("id", callId);
        call.put("type", "function");
        ObjectNode fn = call.putObject("function");
        fn.put("name", name);
        fn.put("arguments", arguments);
        return this;
    }

    public boolean hasToolCalls() {
        return !toolCalls.isEmpty();
    }

    public AnswerWriter finish(String reason) {
        this.finishReason = Objects.requireNonNull(reason, "reason");
        return this;
    }

    public AnswerWriter usage(Usage usage) {
        this.usage = Objects.requireNonNull(usage, "usage");
        return this;
    }

    public AdapterResponse toResponse() {
        ObjectNode root = WireJson.MAPPER.createObjectNode();
        root.put("id", id);
        root.put("object", operation == Operation.COMPLETIONS ? "text_completion" : "chat.completion");
        root.put("created", created);
        root.put("model", model);
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        if (operation == Operation.COMPLETIONS) {
            choice.put("text", text.toString());
        } else {
            choice.set("message", message());
        }
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        usage.writeOpenAi(root);
        return new AdapterResponse(WireJson.MAPPER.writeValueAsBytes(root), usage);
    }

    private ObjectNode message() {
        ObjectNode m = WireJson.MAPPER.createObjectNode();
        m.put("role", "assistant");
        if (hasText && (!text.isEmpty() || toolCalls.isEmpty())) {
            m.put("content", text.toString());
        } else {
            m.putNull("content");
        }
        m.putNull("refusal");
        if (!reasoning.isEmpty()) {
            m.put("reasoning_content", reasoning.toString());
        }
        if (!toolCalls.isEmpty()) {
            m.set("tool_calls", toolCalls);
        }
        return m;
    }
}
