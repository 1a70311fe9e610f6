package io.llmgateway.adapter.schema;

import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Visits every piece of text a request carries that could hold sensitive data or count as prompt
 * tokens: message contents (strings and text parts), tool calls and results, tool definitions,
 * {@code prompt} and {@code input}. Image data is skipped. The order is fixed, so the texts of one
 * visit can be written back by {@link #rewrite} (the sensitivity classifier masks them that way).
 */
public final class RequestText {

    /** Receives each text and whether {@link #rewrite} may replace it. */
    @FunctionalInterface
    public interface Visitor {
        /**
         * @param text       the text
         * @param rewritable false for names (of a message's author, of a called tool), which are identifiers, and for
         *                   tool definitions, which are visited as their whole JSON: {@link #rewrite} may not change them
         */
        void text(String text, boolean rewritable);
    }

    /** One slot: sees the text and returns its replacement (the same instance to keep it). */
    @FunctionalInterface
    private interface Slot {
        String visit(String text, boolean rewritable);
    }

    private RequestText() {
    }

    public static void forEach(OpenAiRequest request, Consumer<String> visitor) {
        visit(request, (text, rewritable) -> visitor.accept(text));
    }

    /** Like {@link #forEach(OpenAiRequest, Consumer)}, telling also which texts {@link #rewrite} may replace. */
    public static void visit(OpenAiRequest request, Visitor visitor) {
        walk(request.operation(), request.body(), (text, rewritable) -> {
            visitor.text(text, rewritable);
            return text;
        });
    }

    /**
     * The request with its texts replaced by {@code texts}, given in {@link #visit} order. Pure: the
     * request is not changed; every other field is kept as it was.
     *
     * @throws IllegalArgumentException if the number of texts differs from the visit, or a text that is not
     *                                  rewritable (a name, a tool definition) differs from the original
     */
    public static OpenAiRequest rewrite(OpenAiRequest request, List<String> texts) {
        ObjectNode body = request.copyBody();
        int[] i = {0};
        walk(request.operation(), body, (text, rewritable) -> {
            if (i[0] >= texts.size()) {
                throw new IllegalArgumentException("the request has more texts than the " + texts.size() + " given");
            }
            String next = texts.get(i[0]++);
            if (next.equals(text)) {
                return text;
            }
            if (!rewritable) {
                throw new IllegalArgumentException("text " + (i[0] - 1) + " is a name or a tool definition and cannot be rewritten");
            }
            return next;
        });
        if (i[0] != texts.size()) {
            throw new IllegalArgumentException("the request has " + i[0] + " texts, " + texts.size() + " given");
        }
        return new OpenAiRequest(request.operation(), body, request.model(), request.stream(), request.includeUsage(),
                request.maxTokens(), request.hasTools());
    }

    /** A rough token estimate (about 4 characters a token, at least 1 per message) for admission and routing. */
    public static int estimateTokens(OpenAiRequest request) {
        long[] chars = {0};
        forEach(request, s -> chars[0] += s.length());
        long messages = request.body().path("messages").size();
        long tokens = (chars[0] + 3) / 4 + messages * 4;
        return (int) Math.min(Integer.MAX_VALUE, tokens);
    }

    private static void walk(Operation operation, ObjectNode body, Slot slot) {
        switch (operation) {
            case CHAT -> {
                for (JsonNode m : body.path("messages")) {
                    content(m, slot);
                    field(m, "name", false, slot);
                    for (JsonNode call : m.path("tool_calls")) {
                        field(call.path("function"), "name", false, slot);
                        field(call.path("function"), "arguments", true, slot);
                    }
                    field(m.path("function_call"), "arguments", true, slot);
                }
                for (JsonNode tool : body.path("tools")) {
                    slot.visit(tool.toString(), false);
                }
                for (JsonNode fn : body.path("functions")) {
                    slot.visit(fn.toString(), false);
                }
            }
            case COMPLETIONS -> strings(body, "prompt", slot);
            case EMBEDDINGS -> strings(body, "input", slot);
        }
    }

    private static void content(JsonNode message, Slot slot) {
        JsonNode c = message.get("content");
        if (c == null) {
            return;
        }
        if (c.isString()) {
            field(message, "content", true, slot);
            return;
        }
        for (int i = 0; i < c.size(); i++) {
            JsonNode part = c.get(i);
            if (part.isString()) {
                item(c, i, slot);
            } else {
                field(part, "text", true, slot);
                field(part.path("input_audio"), "transcript", true, slot);
            }
        }
    }

    /** A string field or a list of strings. */
    private static void strings(ObjectNode body, String name, Slot slot) {
        JsonNode n = body.get(name);
        if (n != null && n.isString()) {
            field(body, name, true, slot);
        } else if (n != null) {
            items(n, slot);
        }
    }

    /** The string items of an array. */
    private static void items(JsonNode array, Slot slot) {
        for (int i = 0; i < array.size(); i++) {
            item(array, i, slot);
        }
    }

    private static void item(JsonNode array, int i, Slot slot) {
        JsonNode n = array.get(i);
        if (n != null && n.isString() && array instanceof ArrayNode a) {
            String text = n.stringValue();
            String next = slot.visit(text, true);
            if (next != text) {
                a.set(i, next);
            }
        }
    }

    private static void field(JsonNode parent, String name, boolean rewritable, Slot slot) {
        JsonNode n = parent.get(name);
        if (n != null && n.isString() && parent instanceof ObjectNode o) {
            String text = n.stringValue();
            String next = slot.visit(text, rewritable);
            if (next != text) {
                o.put(name, next);
            }
        }
    }
}
