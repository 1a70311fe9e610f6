package io.llmgateway.sim.internal.protocol;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code text_completion} bodies and stream payloads for {@code /v1/completions}, shaped like vLLM's. */
public final class TextCompletionRenderer implements ResponseRenderer {
    private final ResponseIdentity ident;

    public TextCompletionRenderer(ResponseIdentity ident) {
        this.ident = ident;
    }

    @Override
    public List<String> opening(CompletionScript script) {
        List<String> out = new ArrayList<>();
        for (ScriptedChoice c : script.choices()) {
            if (c.length() == 0) {
                out.add(chunk(c.index(), "", c.finishReason()));
            }
        }
        return out;
    }

    @Override
    public List<String> step(CompletionScript script, int step) {
        List<String> out = new ArrayList<>(2);
        for (ScriptedChoice c : script.choices()) {
            if (c.length() > step) {
                out.add(chunk(c.index(), c.tokenAt(step), null));
                if (c.length() == step + 1) {
                    out.add(chunk(c.index(), "", c.finishReason()));
                }
            }
        }
        return out;
    }

    @Override
    public String usage(CompletionScript script) {
        ObjectNode chunk = header();
        chunk.putArray("choices");
        chunk.set("usage", Usage.of(script));
        return Json.write(chunk);
    }

    @Override
    public String malformed() {
        return "{\"id\":\"" + ident.id() + "\",\"object\":\"text_completion\",\"choices\":[{\"index\":0,\"text\":\"";
    }

    @Override
    public String body(CompletionScript script) {
        ObjectNode body = header();
        ArrayNode choices = body.putArray("choices");
        for (ScriptedChoice c : script.choices()) {
            ObjectNode choice = choices.addObject().put("index", c.index()).put("text", c.textUpTo(c.length()));
            choice.putNull("logprobs");
            choice.put("finish_reason", c.finishReason());
            choice.putNull("stop_reason");
        }
        body.set("usage", Usage.of(script));
        return Json.write(body);
    }

    private String chunk(int index, String text, String finishReason) {
        ObjectNode chunk = header();
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", index).put("text", text);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        choice.putNull("stop_reason");
        return Json.write(chunk);
    }

    private ObjectNode header() {
        ObjectNode node = Json.object().put("id", ident.id()).put("object", "text_completion")
                .put("created", ident.created()).put("model", ident.model());
        if (ident.systemFingerprint() != null) {
            node.put("system_fingerprint", ident.systemFingerprint());
        }
        return node;
    }
}
