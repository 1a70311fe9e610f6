package io.llmgateway.adapter.anthropic;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Anthropic Messages stream -> OpenAI chunks, one event at a time. {@code message_start} opens the
 * stream with the role delta (a repeated one is ignored); text and thinking deltas become content and
 * {@code reasoning_content} deltas; a {@code tool_use} block becomes a tool call (index, id, type and
 * name once) whose {@code input_json_delta} fragments are the argument deltas; {@code message_delta}
 * gives the finish reason and the final usage, {@code message_stop} the usage-only chunk.
 * {@code ping} is ignored, an {@code error} event ends the stream with that error.
 */
public class AnthropicStreamTranslator implements StreamTranslator {

    private final UpstreamTarget target;
    private final ChunkWriter out;
    private final AnthropicUsage usage = new AnthropicUsage();
    private final Map<Integer, Integer> toolIndexByBlock = new HashMap<>();
    private final Map<Integer, Boolean> toolHasArguments = new HashMap<>();
    private boolean started;
    private boolean finishSent;
    private boolean done;

    public AnthropicStreamTranslator(UpstreamTarget target, ResponseStamp stamp) {
        this.target = target;
        this.out = new ChunkWriter(Operation.CHAT, stamp.id(Operation.CHAT), stamp.created(), target.model());
    }

    @Override
    public List<OpenAiChunk> onEvent(UpstreamEvent event) {
        if (done) {
            return List.of();
        }
        JsonNode e = parse(event.data());
        String type = e.path("type").asString(event.event() == null ? "" : event.event());
        return switch (type) {
            case "message_start" -> start(e.path("message"));
            case "content_block_start" -> blockStart(e.path("index").asInt(), e.path("content_block"));
            case "content_block_delta" -> blockDelta(e.path("index").asInt(), e.path("delta"));
            case "content_block_stop" -> blockStop(e.path("index").asInt());
            case "message_delta" -> messageDelta(e);
            case "message_stop" -> stop();
            case "error" -> {
                done = true;
                throw new AnthropicErrorTranslator().inStream(e, target);
            }
            default -> List.of(); // ping and event types added later
        };
    }

    @Override
    public List<OpenAiChunk> onComplete() {
        if (done) {
            return List.of();
        }
        if (finishSent) {
            return stop(); // message_delta arrived, only message_stop is missing
        }
        throw StreamTranslator.endedEarly(target);
    }

    @Override
    public boolean finished() {
        return done;
    }

    @Override
    public Usage usage() {
        return usage.toUsage();
    }

    private List<OpenAiChunk> start(JsonNode message) {
        if (started) {
            return List.of();
        }
        started = true;
        out.identify(message.path("id").asString(null), message.path("model").asString(null));
        usage.merge(message.get("usage"));
        return List.of(out.role());
    }

    private List<OpenAiChunk> blockStart(int block, JsonNode cb) {
        String type = cb.path("type").asString("");
        if ("tool_use".equals(type)) {
            int index = toolIndexByBlock.size();
            toolIndexByBlock.put(block, index);
            boolean known = cb.path("input").isObject() && !cb.path("input").isEmpty();
            toolHasArguments.put(block, known);
            return List.of(out.toolCallStart(index, cb.path("id").asString(""), cb.path("name").asString(""),
                    known ? cb.path("input").toString() : ""));
        }
        if ("text".equals(type) && !cb.path("text").asString("").isEmpty()) {
            return List.of(out.content(cb.path("text").stringValue()));
        }
        return List.of();
    }

    private List<OpenAiChunk> blockDelta(int block, JsonNode delta) {
        switch (delta.path("type").asString("")) {
            case "text_delta" -> {
                return List.of(out.content(delta.path("text").asString("")));
            }
            case "thinking_delta" -> {
                String thinking = delta.path("thinking").asString("");
                return thinking.isEmpty() ? List.of() : List.of(out.reasoning(thinking));
            }
            case "input_json_delta" -> {
                Integer index = toolIndexByBlock.get(block);
                String fragment = delta.path("partial_json").asString("");
                if (index == null || fragment.isEmpty()) {
                    return List.of();
                }
                toolHasArguments.put(block, true);
                return List.of(out.toolCallArguments(index, fragment));
            }
            default -> {
                return List.of(); // signature_delta, citations_delta
            }
        }
    }

    /** A tool call that streamed no arguments gets {@code {}}, so clients always parse valid JSON. */
    private List<OpenAiChunk> blockStop(int block) {
        Integer index = toolIndexByBlock.get(block);
        if (index != null && !toolHasArguments.get(block)) {
            toolHasArguments.put(block, true);
            return List.of(out.toolCallArguments(index, "{}"));
        }
        return List.of();
    }

    private List<OpenAiChunk> messageDelta(JsonNode e) {
        usage.merge(e.get("usage"));
        if (finishSent) {
            return List.of();
        }
        finishSent = true;
        return List.of(out.finish(AnthropicStopReason.finishReason(e.path("delta").path("stop_reason").asString(null))));
    }

    private List<OpenAiChunk> stop() {
        done = true;
        Usage u = usage.toUsage();
        OpenAiChunk last = out.usage(u == null ? Usage.NONE : u);
        return finishSent ? List.of(last) : List.of(out.finish(AnthropicStopReason.finishReason(null)), last);
    }

    private JsonNode parse(String data) {
        try {
            JsonNode node = WireJson.MAPPER.readTree(data);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JacksonException ignored) {
            // reported below
        }
        throw GatewayException.of(ErrorKind.UPSTREAM_BAD_RESPONSE,
                "upstream '" + target.deploymentId() + "' sent a malformed stream event");
    }
}
