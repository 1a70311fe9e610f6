package io.llmgateway.sim.internal.protocol;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code chat.completion} bodies and {@code chat.completion.chunk} stream payloads, shaped like vLLM's. */
public final class ChatRenderer implements ResponseRenderer {
    private final ResponseIdentity ident;

    public ChatRenderer(ResponseIdentity ident) {
        this.ident = ident;
    }

    @Override
    public List<String> opening(CompletionScript script) {
        List<String> out = new ArrayList<>();
        for (ScriptedChoice c : script.choices()) {
            ObjectNode delta = Json.object().put("role", "assistant").put("content", "");
            out.add(chunk(c.index(), delta, null));
        }
        for (ScriptedChoice c : script.choices()) {
            if (c.length() == 0) {
                out.add(chunk(c.index(), Json.object(), c.finishReason()));
            }
        }
        return out;
    }

    @Override
    public List<String> step(CompletionScript script, int step) {
        List<String> out = new ArrayList<>(2);
        for (ScriptedChoice c : script.choices()) {
            if (c.length() <= step) {
                continue;
            }
            out.add(chunk(c.index(), c.isToolCall() ? toolDelta(c, step) : Json.object().put("content", c.tokenAt(step)), null));
            if (c.length() == step + 1) {
                out.add(chunk(c.index(), Json.object(), c.finishReason()));
            }
        }
        return out;
    }

    @Override
    public String usage(CompletionScript script) {
        ObjectNode chunk = header("chat.completion.chunk");
        chunk.putArray("choices");
        chunk.set("usage", Usage.of(script));
        return Json.write(chunk);
    }

    @Override
    public String malformed() {
        return "{\"id\":\"" + ident.id() + "\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":";
    }

    @Override
    public String body(CompletionScript script) {
        ObjectNode body = header("chat.completion");
        ArrayNode choices = body.putArray("choices");
        for (ScriptedChoice c : script.choices()) {
            ObjectNode choice = choices.addObject().put("index", c.index());
            ObjectNode message = choice.putObject("message").put("role", "assistant");
            if (c.isToolCall()) {
                message.putNull("content");
                ObjectNode call = message.putArray("tool_calls").addObject()
                        .put("id", c.toolCallId()).put("type", "function");
                call.putObject("function").put("name", c.toolName()).put("arguments", c.textUpTo(c.length()));
            } else {
                message.put("content", c.textUpTo(c.length()));
                message.putArray("tool_calls");
            }
            choice.putNull("logprobs");
            choice.put("finish_reason", c.finishReason());
            choice.putNull("stop_reason");
        }
        body.set("usage", Usage.of(script));
        return Json.write(body);
    }

    private ObjectNode toolDelta(ScriptedChoice c, int step) {
        ObjectNode delta = Json.object();
        ObjectNode call = delta.putArray("tool_calls").addObject().put("index", 0);
        if (step == 0) {
            call.put("id", c.toolCallId()).put("type", "function");
            call.putObject("function").put("name", c.toolName()).put("arguments", "");
        } else {
            call.putObject("function").put("arguments", c.tokenAt(step));
        }
        return delta;
    }

    private String chunk(int index, ObjectNode delta, String finishReason) {
        ObjectNode chunk = header("chat.completion.chunk");
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", index);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        if (finishReason != null) {
            choice.putNull("stop_reason");
        }
        return Json.write(chunk);
    }

    private ObjectNode header(String object) {
        ObjectNode node = Json.object().put("id", ident.id()).put("object", object)
                .put("created", ident.created()).put("model", ident.model());
        if (ident.systemFingerprint() != null) {
            node.put("system_fingerprint", ident.systemFingerprint());
        }
        return node;
    }
}
