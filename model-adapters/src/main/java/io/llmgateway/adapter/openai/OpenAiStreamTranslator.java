package io.llmgateway.adapter.openai;

import io.llmgateway.adapter.StreamTranslator;
import io.llmgateway.adapter.UpstreamTarget;
import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.schema.ChunkWriter;
import io.llmgateway.adapter.schema.OpenAiChunk;
import io.llmgateway.adapter.schema.OpenAiRequest;
import io.llmgateway.adapter.schema.Operation;
import io.llmgateway.adapter.schema.ResponseStamp;
import io.llmgateway.adapter.schema.UpstreamEvent;
import io.llmgateway.adapter.schema.Usage;
import io.llmgateway.adapter.schema.WireJson;
import java.time.Clock;
import java.util.BitSet;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI-compatible stream -> client. An event that is already right passes through byte for byte;
 * one an engine got wrong is repaired ({@link OpenAiNormaliser}). The translator taps usage, tracks
 * which choices have finished, and marks the usage-only chunk so the gateway can drop it if the client
 * did not ask for usage. Servers that report usage on the finish event (DeepSeek, Groq, Mistral,
 * llama.cpp) have it moved to a usage-only chunk at the end, as OpenAI sends it.
 * A stream that ends without {@code [DONE]} is fine if every choice finished (llama.cpp and others
 * omit it); one that ends mid-answer is an error. A plain token event is read with the streaming parser
 * ({@link PlainChunk}) and passed on as it came; only the others are read as a tree.
 */
public class OpenAiStreamTranslator implements StreamTranslator {

    private final UpstreamTarget target;
    private final Operation operation;
    private final ResponseStamp stamp;
    private final OpenAiNormaliser normaliser;
    private final boolean scanPlain;
    private final BitSet open = new BitSet();
    private final BitSet seen = new BitSet();
    private boolean done;
    private boolean usageChunkSent;
    private Identity lastIdentity;
    private Usage usage;

    public OpenAiStreamTranslator(UpstreamTarget target) {
        this(target, Operation.CHAT, false, ResponseStamp.random(Clock.systemUTC()).get());
    }

    public OpenAiStreamTranslator(OpenAiRequest request, UpstreamTarget target, ResponseStamp stamp) {
        this(target, request.operation(), OpenAiNormaliser.namedToolChoice(request), stamp);
    }

    private OpenAiStreamTranslator(UpstreamTarget target, Operation operation, boolean namedToolChoice, ResponseStamp stamp) {
        this(target, operation, namedToolChoice, stamp, true);
    }

    private OpenAiStreamTranslator(UpstreamTarget target, Operation operation, boolean namedToolChoice, ResponseStamp stamp,
                                   boolean scanPlain) {
        this.scanPlain = scanPlain;
        this.target = target;
        this.operation = operation;
        this.stamp = stamp;
        this.normaliser = new OpenAiNormaliser(operation, stamp, target.model(), namedToolChoice);
    }

    /** The same translator reading every event as a tree: the reference {@link PlainChunk}'s path is checked against. */
    static OpenAiStreamTranslator treeOnly(OpenAiRequest request, UpstreamTarget target, ResponseStamp stamp) {
        return new OpenAiStreamTranslator(target, request.operation(), OpenAiNormaliser.namedToolChoice(request), stamp, false);
    }

    @Override
    public List<OpenAiChunk> onEvent(UpstreamEvent event) {
        String data = event.data();
        if (done) {
            return List.of();
        }
        if ("[DONE]".equals(data.strip())) {
            return end();
        }
        PlainChunk plain = scanPlain ? PlainChunk.scan(data) : null;
        if (plain != null && normaliser.plain(plain)) {
            lastIdentity = new Identity(plain.id, plain.created, plain.model);
            for (int i = 0; i < plain.choices; i++) {
                track(plain.index[i], plain.finishReason[i] != null);
            }
            return List.of(OpenAiChunk.delta(data));
        }
        ObjectNode node = parse(data);
        if (node.has("error") && !node.has("choices") || "error".equals(node.path("object").asString(""))) {
            done = true;
            throw new OpenAiErrorTranslator().inStream(node, target);
        }
        boolean changed = normaliser.chunk(node);
        lastIdentity = new Identity(node.path("id").asString(null), node.path("created").asLong(0), node.path("model").asString(null));
        Usage u = Usage.fromOpenAi(node.get("usage"));
        if (u != null) {
            usage = u;
        }
        JsonNode choices = node.get("choices");
        if (choices != null && choices.isArray() && !choices.isEmpty()) {
            track(choices);
            if (u != null) {
                // usage on a choice event (DeepSeek, Groq, Mistral, llama.cpp): it moves to the usage-only
                // event added at the end, as OpenAI sends it; SDKs that finish on the first usage they see
                // (openai-java's accumulator) would otherwise lose this event's choices
                node.putNull("usage");
                changed = true;
            }
            return List.of(OpenAiChunk.delta(changed ? WireJson.MAPPER.writeValueAsString(node) : data));
        }
        if (changed) {
            data = WireJson.MAPPER.writeValueAsString(node);
        }
        if (u != null) {
            usageChunkSent = true;
            return List.of(new OpenAiChunk(data, OpenAiChunk.Kind.USAGE_ONLY, u));
        }
        return List.of(new OpenAiChunk(data, OpenAiChunk.Kind.DELTA, null));
    }

    @Override
    public List<OpenAiChunk> onComplete() {
        if (!finished()) {
            throw StreamTranslator.endedEarly(target);
        }
        return end();
    }

    @Override
    public boolean finished() {
        return done || !seen.isEmpty() && open.isEmpty();
    }

    @Override
    public Usage usage() {
        return usage;
    }

    /** The end of the stream: adds the usage-only chunk if the upstream put usage on a choice event instead. */
    private List<OpenAiChunk> end() {
        boolean wasDone = done;
        done = true;
        if (wasDone || usageChunkSent || usage == null || lastIdentity == null) {
            return List.of();
        }
        usageChunkSent = true;
        ChunkWriter writer = new ChunkWriter(operation, lastIdentity.id() != null ? lastIdentity.id() : stamp.id(operation),
                lastIdentity.created() > 0 ? lastIdentity.created() : stamp.created(),
                lastIdentity.model() != null ? lastIdentity.model() : target.model());
        return List.of(writer.usage(usage));
    }

    private void track(JsonNode choices) {
        for (JsonNode c : choices) {
            JsonNode fr = c.get("finish_reason");
            track(c.path("index").asInt(0), fr != null && !fr.isNull());
        }
    }

    private void track(int index, boolean finished) {
        if (index >= 0 && index < 4096) {
            seen.set(index);
            if (finished) {
                open.clear(index);
            } else {
                open.set(index);
            }
        }
    }

    /** The identity of the last event, for the usage-only event added at the end; null parts fall back to the stamp. */
    private record Identity(String id, long created, String model) {
    }

    private ObjectNode parse(String data) {
        JsonNode node;
        try {
            node = WireJson.MAPPER.readTree(data);
        } catch (JacksonException e) {
            throw GatewayException.of(ErrorKind.UPSTREAM_BAD_RESPONSE,
                    "upstream '" + target.deploymentId() + "' sent a malformed stream event");
        }
        if (!(node instanceof ObjectNode o)) {
            throw GatewayException.of(ErrorKind.UPSTREAM_BAD_RESPONSE,
                    "upstream '" + target.deploymentId() + "' sent a stream event that is not a JSON object");
        }
        return o;
    }
}
