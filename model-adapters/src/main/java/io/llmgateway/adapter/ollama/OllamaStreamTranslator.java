package io.llmgateway.adapter.ollama;

import io.llmgateway.adapter.StreamTranslator;
import io.llmgateway.adapter.UpstreamTarget;
import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.schema.ChunkWriter;
import io.llmgateway.adapter.schema.OpenAiChunk;
import io.llmgateway.adapter.schema.Operation;
import io.llmgateway.adapter.schema.ResponseStamp;
import io.llmgateway.adapter.schema.UpstreamEvent;
import io.llmgateway.adapter.schema.Usage;
import io.llmgateway.adapter.schema.WireJson;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Ollama NDJSON stream ({@code /api/chat} or {@code /api/generate}) -> OpenAI chunks. Each line is one
 * event: message content or {@code response} text becomes a content delta, {@code thinking} a
 * {@code reasoning_content} delta; Ollama sends each tool call whole, so it becomes one tool-call delta
 * with index, id, name and the complete arguments. The {@code "done":true} line yields the finish chunk
 * and the usage-only chunk; an {@code {"error":...}} line ends the stream with that error.
 */
public class OllamaStreamTranslator implements StreamTranslator {

    private final UpstreamTarget target;
    private final Operation operation;
    private final ResponseStamp stamp;
    private final ChunkWriter out;
    private boolean started;
    private int toolCalls;
    private boolean done;
    private Usage usage;

    public OllamaStreamTranslator(Operation operation, UpstreamTarget target, ResponseStamp stamp) {
        this.target = target;
        this.operation = operation;
        this.stamp = stamp;
        this.out = new ChunkWriter(operation, stamp.id(operation), stamp.created(), target.model());
    }

    @Override
    public List<OpenAiChunk> onEvent(UpstreamEvent event) {
        if (done) {
            return List.of();
        }
        JsonNode e = parse(event.data());
        if (e.has("error")) {
            done = true;
            throw new OllamaErrorTranslator().inStream(e, target);
        }
        List<OpenAiChunk> chunks = new ArrayList<>(2);
        if (!started) {
            started = true;
            out.identify(null, e.path("model").asString(null));
            out.created(OllamaDone.created(e, stamp.created()));
            if (operation == Operation.CHAT) {
                chunks.add(out.role());
            }
        }
        if (operation == Operation.COMPLETIONS) {
            text(e.path("response").asString(""), chunks);
        } else {
            JsonNode message = e.path("message");
            String thinking = message.path("thinking").asString("");
            if (!thinking.isEmpty()) {
                chunks.add(out.reasoning(thinking));
            }
            text(message.path("content").asString(""), chunks);
            for (JsonNode call : message.path("tool_calls")) {
                JsonNode fn = call.path("function");
                JsonNode args = fn.path("arguments");
                int index = toolCalls++;
                chunks.add(out.toolCallStart(index, stamp.toolCallId(index), fn.path("name").asString(""),
                        args.isString() ? args.stringValue() : args.isObject() ? args.toString() : "{}"));
            }
        }
        if (e.path("done").asBoolean(false)) {
            done = true;
            usage = OllamaDone.usage(e);
            chunks.add(out.finish(OllamaDone.finishReason(e, toolCalls > 0)));
            chunks.add(out.usage(usage));
        }
        return chunks;
    }

    @Override
    public List<OpenAiChunk> onComplete() {
        if (!done) {
            throw StreamTranslator.endedEarly(target);
        }
        return List.of();
    }

    @Override
    public boolean finished() {
        return done;
    }

    @Override
    public Usage usage() {
        return usage;
    }

    private void text(String piece, List<OpenAiChunk> chunks) {
        if (!piece.isEmpty()) {
            chunks.add(out.content(piece));
        }
    }

    private JsonNode parse(String line) {
        try {
            JsonNode node = WireJson.MAPPER.readTree(line);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JacksonException ignored) {
            // reported below
        }
        throw GatewayException.of(ErrorKind.UPSTREAM_BAD_RESPONSE,
                "upstream '" + target.deploymentId() + "' sent a malformed stream line");
    }
}
