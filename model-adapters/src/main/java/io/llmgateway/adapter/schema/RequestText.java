package io.llmgateway.adapter.schema;

import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * Visits every piece of text a request carries that could hold sensitive data or count as prompt
 * tokens: message contents (strings and text parts), tool calls and results, tool definitions,
 * {@code prompt} and {@code input}. Image data is skipped.
 */
public final class RequestText {

    private RequestText() {
    }

    public static void forEach(OpenAiRequest request, Consumer<String> visitor) {
        JsonNode body = request.body();
        switch (request.operation()) {
            case CHAT -> {
                for (JsonNode m : body.path("messages")) {
                    content(m.get("content"), visitor);
                    text(m.get("name"), visitor);
                    for (JsonNode call : m.path("tool_calls")) {
                        text(call.path("function").get("name"), visitor);
                        text(call.path("function").get("arguments"), visitor);
                    }
                    text(m.path("function_call").get("arguments"), visitor);
                }
                for (JsonNode tool : body.path("tools")) {
                    visitor.accept(tool.toString());
                }
                for (JsonNode fn : body.path("functions")) {
                    visitor.accept(fn.toString());
                }
            }
            case COMPLETIONS -> strings(body.get("prompt"), visitor);
            case EMBEDDINGS -> strings(body.get("input"), visitor);
        }
    }

    /** A rough token estimate (about 4 characters a token, at least 1 per message) for admission and routing. */
    public static int estimateTokens(OpenAiRequest request) {
        long[] chars = {0};
        forEach(request, s -> chars[0] += s.length());
        long messages = request.body().path("messages").size();
        long tokens = (chars[0] + 3) / 4 + messages * 4;
        return (int) Math.min(Integer.MAX_VALUE, tokens);
    }

    private static void content(JsonNode c, Consumer<String> visitor) {
        if (c == null) {
            return;
        }
        if (c.isString()) {
            visitor.accept(c.stringValue());
            return;
        }
        for (JsonNode part : c) {
            if (part.isString()) {
                visitor.accept(part.stringValue());
            } else {
                text(part.get("text"), visitor);
                text(part.path("input_audio").get("transcript"), visitor);
            }
        }
    }

    private static void strings(JsonNode n, Consumer<String> visitor) {
        if (n == null) {
            return;
        }
        if (n.isString()) {
            visitor.accept(n.stringValue());
            return;
        }
        for (JsonNode item : n) {
            if (item.isString()) {
                visitor.accept(item.stringValue());
            }
        }
    }

    private static void text(JsonNode n, Consumer<String> visitor) {
        if (n != null && n.isString()) {
            visitor.accept(n.stringValue());
        }
    }
}
