package io.llmgateway.adapter.openai;

import io.llmgateway.adapter.schema.FinishReason;
import io.llmgateway.adapter.schema.Operation;
import io.llmgateway.adapter.schema.ResponseStamp;
import io.llmgateway.adapter.schema.OpenAiRequest;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Repairs, in place, what OpenAI-compatible servers get wrong in otherwise OpenAI-shaped answers and
 * stream events, so the official SDKs read them: empty or missing {@code id}/{@code object}/
 * {@code created}/{@code model} (TGI, Azure's filter event), engine finish reasons ({@code eos_token},
 * and {@code stop} after tool calls where OpenAI says {@code tool_calls}), a role repeated on every delta,
 * tool calls without {@code index} (Mistral) or {@code type}, placeholder ids on argument fragments
 * (Qwen) or ids and names repeated on every fragment (TGI), and arguments sent as a JSON object
 * instead of a string. Reports whether anything changed,
 * so untouched events can pass through byte for byte. One instance per answer or stream.
 */
final class OpenAiNormaliser {

    private final Operation operation;
    private final ResponseStamp stamp;
    private final String fallbackModel;
    private final Map<Integer, Integer> nextToolIndex = new HashMap<>();
    private final Map<Integer, Integer> lastToolIndex = new HashMap<>();
    private final Map<Long, String[]> announced = new HashMap<>();
    private final BitSet roleSent = new BitSet();
    private final BitSet toolCalled = new BitSet();
    private final boolean namedToolChoice;
    private String id;
    private long created;
    private String model;

    OpenAiNormaliser(Operation operation, ResponseStamp stamp, String fallbackModel, boolean namedToolChoice) {
        this.operation = operation;
        this.stamp = stamp;
        this.fallbackModel = fallbackModel;
        this.namedToolChoice = namedToolChoice;
    }

    /** Whether the request forces one named function, in which case OpenAI itself finishes with {@code stop}. */
    static boolean namedToolChoice(OpenAiRequest request) {
        return request.body().path("tool_choice").isObject();
    }

    /** Normalises a complete answer; true if it changed. */
    boolean answer(ObjectNode root) {
        boolean changed = identity(root, operation == Operation.COMPLETIONS ? "text_completion" : "chat.completion");
        int toolCalls = 0;
        for (JsonNode c : root.path("choices")) {
            if (c instanceof ObjectNode choice) {
                boolean calls = false;
                for (JsonNode t : choice.path("message").path("tool_calls")) {
                    if (t instanceof ObjectNode call) {
                        changed |= completeCall(call, toolCalls++);
                        calls = true;
                    }
                }
                changed |= finishReason(choice, calls);
            }
        }
        return changed;
    }

    /** Normalises one stream event; true if it changed. */
    boolean chunk(ObjectNode root) {
        boolean changed = identity(root, operation == Operation.COMPLETIONS ? "text_completion" : "chat.completion.chunk");
        for (JsonNode c : root.path("choices")) {
            if (c instanceof ObjectNode choice) {
                int choiceIndex = Math.max(0, Math.min(4095, choice.path("index").asInt(0)));
                if (choice.get("delta") instanceof ObjectNode delta && delta.has("role")) {
                    if (roleSent.get(choiceIndex)) {
                        delta.remove("role"); // TGI repeats the role on every delta
                        changed = true;
                    }
                    roleSent.set(choiceIndex);
                }
                for (JsonNode t : choice.path("delta").path("tool_calls")) {
                    if (t instanceof ObjectNode call) {
                        changed |= deltaCall(choiceIndex, call);
                        toolCalled.set(choiceIndex);
                    }
                }
                changed |= finishReason(choice, toolCalled.get(choiceIndex));
            }
        }
        return changed;
    }

    /**
     * A {@link PlainChunk} event that needs no repair: notes its identity and roles as {@link #chunk} would
     * and returns true; false (nothing noted) if it has to go through {@link #chunk}: a repeated role, or a
     * finish reason to map.
     */
    boolean plain(PlainChunk e) {
        for (int i = 0; i < e.choices; i++) {
            int choice = e.index[i];
            if (e.role[i] && roleSent.get(choice)) {
                return false;
            }
            String fr = e.finishReason[i];
            if (fr != null) {
                String normal = FinishReason.normalise(fr);
                if (toolCalled.get(choice) && !namedToolChoice && FinishReason.STOP.wire().equals(normal)) {
                    normal = FinishReason.TOOL_CALLS.wire();
                }
                if (!normal.equals(fr)) {
                    return false;
                }
            }
        }
        for (int i = 0; i < e.choices; i++) {
            if (e.role[i]) {
                roleSent.set(e.index[i]);
            }
        }
        if (id == null) {
            id = e.id;
        }
        if (created <= 0) {
            created = e.created;
        }
        if (model == null) {
            model = e.model;
        }
        return true;
    }

    private boolean identity(ObjectNode root, String object) {
        boolean changed = false;
        String seenId = root.path("id").asString("");
        if (seenId.isEmpty()) {
            root.put("id", id != null ? id : (id = stamp.id(operation)));
            changed = true;
        } else if (id == null) {
            id = seenId;
        }
        if (root.path("object").asString("").isEmpty()) {
            root.put("object", object);
            changed = true;
        }
        long seenCreated = root.path("created").asLong(0);
        if (seenCreated <= 0) {
            root.put("created", created > 0 ? created : (created = stamp.created()));
            changed = true;
        } else if (created <= 0) {
            created = seenCreated;
        }
        String seenModel = root.path("model").asString("");
        if (seenModel.isEmpty()) {
            root.put("model", model != null ? model : fallbackModel);
            changed = true;
        } else if (model == null) {
            model = seenModel;
        }
        return changed;
    }

    /** Engine finish reasons mapped; {@code stop} after tool calls is {@code tool_calls}, as OpenAI reports it. */
    private boolean finishReason(ObjectNode choice, boolean calledTools) {
        JsonNode fr = choice.get("finish_reason");
        if (fr == null || !fr.isString()) {
            return false;
        }
        String normal = FinishReason.normalise(fr.stringValue());
        if (calledTools && !namedToolChoice && FinishReason.STOP.wire().equals(normal)) {
            normal = FinishReason.TOOL_CALLS.wire();
        }
        if (normal.equals(fr.stringValue())) {
            return false;
        }
        choice.put("finish_reason", normal);
        return true;
    }

    private boolean completeCall(ObjectNode call, int ordinal) {
        boolean changed = false;
        if (call.path("id").asString("").isEmpty()) {
            call.put("id", stamp.toolCallId(ordinal));
            changed = true;
        }
        if (!call.has("type")) {
            call.put("type", "function");
            changed = true;
        }
        return changed | stringArguments(call);
    }

    private boolean deltaCall(int choice, ObjectNode call) {
        boolean changed = false;
        JsonNode idx = call.get("index");
        boolean named = !call.path("id").asString("").isEmpty() || call.path("function").path("name").isString();
        int index;
        if (idx != null && idx.isIntegralNumber()) {
            index = idx.asInt();
        } else {
            index = named ? nextToolIndex.getOrDefault(choice, 0) : lastToolIndex.getOrDefault(choice, 0);
            if (named && announced.containsKey(key(choice, index))) {
                index = nextToolIndex.getOrDefault(choice, 0);
            }
            call.put("index", index);
            changed = true;
        }
        nextToolIndex.merge(choice, index + 1, Math::max);
        lastToolIndex.put(choice, index);
        String[] known = announced.get(key(choice, index));
        if (known == null) {
            announced.put(key(choice, index), new String[] {call.path("id").asString(""), call.path("function").path("name").asString("")});
            if (!call.has("type")) {
                call.put("type", "function");
                changed = true;
            }
        } else {
            changed |= continuation(call, known);
        }
        return changed | stringArguments(call);
    }

    /**
     * A later delta of an announced tool call carries only argument text, as OpenAI sends it: ids and
     * names some engines repeat (TGI) or blank out (Qwen) would otherwise be concatenated by SDKs
     * that accumulate every string field.
     */
    private static boolean continuation(ObjectNode call, String[] known) {
        boolean changed = false;
        JsonNode id = call.get("id");
        if (id != null && (!id.isString() || id.stringValue().isEmpty() || id.stringValue().equals(known[0]))) {
            call.remove("id");
            changed = true;
        }
        if (call.has("type") && !call.has("id")) {
            call.remove("type");
            changed = true;
        }
        if (call.get("function") instanceof ObjectNode fn) {
            JsonNode name = fn.get("name");
            if (name != null && (!name.isString() || name.stringValue().isEmpty() || name.stringValue().equals(known[1]))) {
                fn.remove("name");
                changed = true;
            }
        }
        return changed;
    }

    private static long key(int choice, int index) {
        return ((long) choice << 32) | (index & 0xffffffffL);
    }

    private static boolean stringArguments(ObjectNode call) {
        if (call.get("function") instanceof ObjectNode fn) {
            JsonNode args = fn.get("arguments");
            if (args != null && (args.isObject() || args.isArray())) {
                fn.put("arguments", args.toString());
                return true;
            }
        }
        return false;
    }
}
