package io.llmgateway.gateway.sensitivity;

import io.llmgateway.adapter.schema.OpenAiChunk;
import io.llmgateway.adapter.schema.WireJson;
import io.llmgateway.policy.sensitivity.RedactionMap;
import io.llmgateway.policy.sensitivity.StreamingRestorer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Restores masked values in a streamed answer, event by event. Each choice's {@code delta.content}
 * ({@code text} for completions) and each of its tool calls' {@code function.arguments} has its own
 * {@link StreamingRestorer}, which holds back only what could still be the start of a placeholder. What is
 * held is emitted with the choice's finish event, or, for a stream that ends or fails without one, in one
 * extra event at the end. Only events whose text changes are re-serialised; usage and error events pass.
 * One instance per stream; not thread-safe (a Flux delivers serially).
 */
public final class StreamRestorer {

    private final RedactionMap map;
    /** "choice/field" -> restorer; field is content, text or tool/&lt;index&gt;. */
    private final Map<String, StreamingRestorer> restorers = new LinkedHashMap<>();
    private ObjectNode last;

    private StreamRestorer(RedactionMap map) {
        this.map = map;
    }

    /** {@code chunks} with the placeholders of {@code map} restored; unchanged when nothing was masked. */
    public static Flux<OpenAiChunk> apply(Flux<OpenAiChunk> chunks, RedactionMap map) {
        if (map.isEmpty()) {
            return chunks;
        }
        return Flux.defer(() -> {
            StreamRestorer r = new StreamRestorer(map);
            return chunks.map(r::restore)
                    .concatWith(Flux.defer(() -> Flux.fromIterable(r.tail())))
                    .onErrorResume(e -> Flux.concat(Flux.fromIterable(r.tail()), Flux.error(e)));
        });
    }

    OpenAiChunk restore(OpenAiChunk chunk) {
        if (chunk.kind() != OpenAiChunk.Kind.DELTA) {
            return chunk;
        }
        JsonNode root;
        try {
            root = WireJson.MAPPER.readTree(chunk.json());
        } catch (JacksonException e) {
            return chunk;
        }
        if (!(root instanceof ObjectNode o)) {
            return chunk;
        }
        last = o;
        boolean changed = false;
        for (JsonNode choice : o.path("choices")) {
            if (choice instanceof ObjectNode c) {
                changed |= restoreChoice(c);
            }
        }
        return changed ? new OpenAiChunk(WireJson.MAPPER.writeValueAsString(o), chunk.kind(), chunk.usage()) : chunk;
    }

    private boolean restoreChoice(ObjectNode choice) {
        String index = String.valueOf(choice.path("index").asInt(0));
        boolean finished = !choice.path("finish_reason").isMissingNode() && !choice.path("finish_reason").isNull();
        boolean changed = push(choice, "text", index + "/text", finished);
        JsonNode delta = choice.get("delta");
        if (delta instanceof ObjectNode d) {
            changed |= push(d, "content", index + "/content", finished);
            for (JsonNode call : d.path("tool_calls")) {
                if (call.path("function") instanceof ObjectNode fn) {
                    changed |= push(fn, "arguments", index + "/tool/" + call.path("index").asInt(0), finished);
                }
            }
        }
        if (finished) {
            changed |= flushInto(choice, index);
        }
        return changed;
    }

    /** Runs the field's text through its restorer; true when the text changed. */
    private boolean push(ObjectNode parent, String field, String key, boolean finished) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isString()) {
            return false;
        }
        StreamingRestorer r = restorers.computeIfAbsent(key, k -> map.streamingRestorer());
        String text = n.stringValue();
        String out = r.push(text);
        if (finished) {
            out += r.flush();
        }
        if (out.equals(text)) {
            return false;
        }
        parent.put(field, out);
        return true;
    }

    /** Adds what the choice's restorers still hold to its finish event. */
    private boolean flushInto(ObjectNode choice, String index) {
        boolean changed = false;
        for (Map.Entry<String, StreamingRestorer> e : restorers.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(index + "/")) {
                continue;
            }
            String held = e.getValue().flush();
            if (!held.isEmpty()) {
                append(choice, key.substring(index.length() + 1), held);
                changed = true;
            }
        }
        return changed;
    }

    /** One extra event with whatever is still held (a stream without finish events), or none. */
    List<OpenAiChunk> tail() {
        List<OpenAiChunk> out = new ArrayList<>();
        if (last == null) {
            return out;
        }
        ObjectNode event = last.deepCopy();
        event.remove("usage");
        ArrayNode choices = event.putArray("choices");
        Map<String, ObjectNode> byIndex = new LinkedHashMap<>();
        for (Map.Entry<String, StreamingRestorer> e : restorers.entrySet()) {
            String held = e.getValue().flush();
            if (held.isEmpty()) {
                continue;
            }
            String[] key = e.getKey().split("/", 2);
            ObjectNode choice = byIndex.computeIfAbsent(key[0], i -> {
                ObjectNode c = choices.addObject();
                c.put("index", Integer.parseInt(i));
                c.putNull("finish_reason");
                return c;
            });
            append(choice, key[1], held);
        }
        if (!byIndex.isEmpty()) {
            out.add(OpenAiChunk.delta(WireJson.MAPPER.writeValueAsString(event)));
        }
        return out;
    }

    /** Appends {@code text} to a choice's field: {@code text}, {@code content} or {@code tool/<index>}. */
    private static void append(ObjectNode choice, String field, String text) {
        if (field.equals("text")) {
            choice.put("text", choice.path("text").asString("") + text);
            return;
        }
        ObjectNode delta = choice.get("delta") instanceof ObjectNode d ? d : choice.putObject("delta");
        if (field.equals("content")) {
            delta.put("content", delta.path("content").asString("") + text);
            return;
        }
        String toolIndex = field.substring("tool/".length());
        ArrayNode calls = delta.get("tool_calls") instanceof ArrayNode a ? a : delta.putArray("tool_calls");
        for (JsonNode call : calls) {
            if (String.valueOf(call.path("index").asInt(0)).equals(toolIndex) && call.path("function") instanceof ObjectNode fn) {
                fn.put("arguments", fn.path("arguments").asString("") + text);
                return;
            }
        }
        ObjectNode call = calls.addObject();
        call.put("index", Integer.parseInt(toolIndex));
        call.putObject("function").put("arguments", text);
    }
}
