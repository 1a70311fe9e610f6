package io.llmgateway.adapter.schema;

import java.util.Objects;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the OpenAI stream events of one translated answer the way OpenAI frames them: every event
 * carries {@code id}, {@code object}, {@code created} and {@code model}; a chat stream opens with a
 * role delta, tool calls announce index, id, type and name once and then send argument fragments,
 * the finish reason comes in its own event, and usage in a final event with {@code "choices":[]}.
 * Legacy completions get {@code text_completion} events. One instance per stream.
 */
public final class ChunkWriter {

    private final Operation operation;
    private String id;
    private long created;
    private String model;

    public ChunkWriter(Operation operation, String id, long created, String model) {
        this.operation = Objects.requireNonNull(operation, "operation");
        this.id = Objects.requireNonNull(id, "id");
        this.created = created;
        this.model = Objects.requireNonNull(model, "model");
    }

    /** Adopts the id and model the upstream announced (null or empty keeps the current one). */
    public void identify(String upstreamId, String upstreamModel) {
        if (upstreamId != null && !upstreamId.isEmpty()) {
            id = upstreamId;
        }
        if (upstreamModel != null && !upstreamModel.isEmpty()) {
            model = upstreamModel;
        }
    }

    /** Adopts the creation time the upstream reported. */
    public void created(long unixSeconds) {
        created = unixSeconds;
    }

    /** The opening delta of a chat stream: {@code {"role":"assistant","content":""}}. */
    public OpenAiChunk role() {
        ObjectNode delta = WireJson.MAPPER.createObjectNode();
        delta.put("role", "assistant");
        delta.put("content", "");
        return chunk(delta, null);
    }

    /** A piece of the answer text. */
    public OpenAiChunk content(String text) {
        if (operation == Operation.COMPLETIONS) {
            return completion(text, null);
        }
        ObjectNode delta = WireJson.MAPPER.createObjectNode();
        delta.put("content", text);
        return chunk(delta, null);
    }

    /** A piece of the model's reasoning, as {@code reasoning_content} (the DeepSeek/vLLM convention). */
    public OpenAiChunk reasoning(String text) {
        ObjectNode delta = WireJson.MAPPER.createObjectNode();
        delta.put("reasoning_content", text);
        return chunk(delta, null);
    }

    /** The first delta of a tool call: index, id, type and name, with the arguments known so far. */
    public OpenAiChunk toolCallStart(int index, String callId, String name, String arguments) {
        ObjectNode call = toolCall(index);
        call.put("id", callId);
        call.put("type", "function");
        ObjectNode fn = call.putObject("function");
        fn.put("name", name);
        fn.put("arguments", arguments == null ? "" : arguments);
        return chunk(toolDelta(call), null);
    }

    /** A fragment of a tool call's arguments. */
    public OpenAiChunk toolCallArguments(int index, String fragment) {
        ObjectNode call = toolCall(index);
        call.putObject("function").put("arguments", fragment);
        return chunk(toolDelta(call), null);
    }

    /** The event carrying the finish reason, with an empty delta. */
    public OpenAiChunk finish(String reason) {
        if (operation == Operation.COMPLETIONS) {
            return completion("", reason);
        }
        return chunk(WireJson.MAPPER.createObjectNode(), reason);
    }

    /** The final usage-only event ({@code "choices":[]}). */
    public OpenAiChunk usage(Usage usage) {
        ObjectNode root = head();
        root.putArray("choices");
        usage.writeOpenAi(root);
        return new OpenAiChunk(WireJson.MAPPER.writeValueAsString(root), OpenAiChunk.Kind.USAGE_ONLY, usage);
    }

    private static ObjectNode toolCall(int index) {
        ObjectNode call = WireJson.MAPPER.createObjectNode();
        call.put("index", index);
        return call;
    }

    private static ObjectNode toolDelta(ObjectNode call) {
        ObjectNode delta = WireJson.MAPPER.createObjectNode();
        delta.putArray("tool_calls").add(call);
        return delta;
    }

    private OpenAiChunk chunk(ObjectNode delta, String finishReason) {
        ObjectNode root = head();
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        putReason(choice, finishReason);
        return OpenAiChunk.delta(WireJson.MAPPER.writeValueAsString(root));
    }

    private OpenAiChunk completion(String text, String finishReason) {
        ObjectNode root = head();
        ArrayNode choices = root.putArray("choices");
        ObjectNode choice = choices.addObject();
        choice.put("text", text);
        choice.put("index", 0);
        choice.putNull("logprobs");
        putReason(choice, finishReason);
        return OpenAiChunk.delta(WireJson.MAPPER.writeValueAsString(root));
    }

    private static void putReason(ObjectNode choice, String finishReason) {
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
    }

    private ObjectNode head() {
        ObjectNode root = WireJson.MAPPER.createObjectNode();
        root.put("id", id);
        root.put("object", operation == Operation.COMPLETIONS ? "text_completion" : "chat.completion.chunk");
        root.put("created", created);
        root.put("model", model);
        return root;
    }
}
