package io.llmgateway.adapter.openai;

import io.llmgateway.adapter.StreamTranslator;
import io.llmgateway.adapter.UpstreamTarget;
import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.schema.OpenAiChunk;
import io.llmgateway.adapter.schema.UpstreamEvent;
import io.llmgateway.adapter.schema.Usage;
import io.llmgateway.adapter.schema.WireJson;
import java.util.BitSet;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * OpenAI-compatible stream -> client: every event's payload passes through untouched; the translator
 * only observes it: checks it is JSON, taps usage, tracks which choices have finished, and marks the
 * usage-only chunk so the gateway can drop it if the client did not ask for usage.
 * A stream that ends without {@code [DONE]} is fine if every choice finished (llama.cpp and others
 * omit it); one that ends mid-answer is an error.
 */
public class OpenAiStreamTranslator implements StreamTranslator {

    private final UpstreamTarget target;
    private final BitSet open = new BitSet();
    private final BitSet seen = new BitSet();
    private boolean done;
    private Usage usage;

    public OpenAiStreamTranslator(UpstreamTarget target) {
        this.target = target;
    }

    @Override
    public List<OpenAiChunk> onEvent(UpstreamEvent event) {
        String data = event.data();
        if (done) {
            return List.of();
        }
        if ("[DONE]".equals(data.strip())) {
            done = true;
            return List.of();
        }
        JsonNode node;
        try {
            node = WireJson.MAPPER.readTree(data);
        } catch (JacksonException e) {
            throw GatewayException.of(ErrorKind.UPSTREAM_BAD_RESPONSE,
                    "upstream '" + target.deploymentId() + "' sent a malformed stream event");
        }
        if (node == null || !node.isObject()) {
            throw GatewayException.of(ErrorKind.UPSTREAM_BAD_RESPONSE,
                    "upstream '" + target.deploymentId() + "' sent a stream event that is not a JSON object");
        }
        if (node.has("error") && !node.has("choices")) {
            done = true;
            throw new OpenAiErrorTranslator().translate(500, java.util.Map.of(),
                    data.getBytes(java.nio.charset.StandardCharsets.UTF_8), target);
        }
        Usage u = Usage.fromOpenAi(node.get("usage"));
        if (u != null) {
            usage = u;
        }
        JsonNode choices = node.get("choices");
        if (choices != null && choices.isArray() && !choices.isEmpty()) {
            for (JsonNode c : choices) {
                int idx = c.path("index").asInt(0);
                if (idx >= 0 && idx < 4096) {
                    seen.set(idx);
                    JsonNode fr = c.get("finish_reason");
                    if (fr != null && !fr.isNull()) {
                        open.clear(idx);
                    } else {
                        open.set(idx);
                    }
                }
            }
            return List.of(new OpenAiChunk(data, OpenAiChunk.Kind.DELTA, u));
        }
        if (u != null) {
            return List.of(new OpenAiChunk(data, OpenAiChunk.Kind.USAGE_ONLY, u));
        }
        return List.of(new OpenAiChunk(data, OpenAiChunk.Kind.DELTA, null));
    }

    @Override
    public List<OpenAiChunk> onComplete() {
        if (!finished()) {
            throw GatewayException.of(ErrorKind.UPSTREAM_ERROR,
                    "upstream '" + target.deploymentId() + "' ended the stream before the answer was complete");
        }
        done = true;
        return List.of();
    }

    @Override
    public boolean finished() {
        return done || !seen.isEmpty() && open.isEmpty();
    }

    @Override
    public Usage usage() {
        return usage;
    }
}
