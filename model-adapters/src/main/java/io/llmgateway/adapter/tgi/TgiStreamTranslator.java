package io.llmgateway.adapter.tgi;

import io.llmgateway.adapter.StreamTranslator;
import io.llmgateway.adapter.UpstreamTarget;
import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.schema.ChunkWriter;
import io.llmgateway.adapter.schema.OpenAiChunk;
import io.llmgateway.adapter.schema.OpenAiRequest;
import io.llmgateway.adapter.schema.Operation;
import io.llmgateway.adapter.schema.RequestText;
import io.llmgateway.adapter.schema.ResponseStamp;
import io.llmgateway.adapter.schema.UpstreamEvent;
import io.llmgateway.adapter.schema.Usage;
import io.llmgateway.adapter.schema.WireJson;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * TGI {@code /generate_stream} (SSE, one event per token: {@code {"index","token":{"text","special"},
 * "generated_text","details"}}) -> OpenAI chunks. Special tokens (end-of-sequence markers) are not
 * text and are not sent. The last event carries {@code details} (finish reason, generated tokens,
 * input length) and yields the finish chunk and the usage-only chunk. TGI sends no {@code [DONE]}.
 */
public class TgiStreamTranslator implements StreamTranslator {

    private final OpenAiRequest request;
    private final UpstreamTarget target;
    private final ChunkWriter out;
    private boolean started;
    private boolean done;
    private long tokens;
    private Usage usage;

    public TgiStreamTranslator(OpenAiRequest request, UpstreamTarget target, ResponseStamp stamp) {
        this.request = request;
        this.target = target;
        this.out = new ChunkWriter(request.operation(), stamp.id(request.operation()), stamp.created(), target.model());
    }

    @Override
    public List<OpenAiChunk> onEvent(UpstreamEvent event) {
        if (done) {
            return List.of();
        }
        JsonNode e = parse(event.data());
        if (e.path("error").isString()) {
            done = true;
            throw new TgiErrorTranslator().inStream(e, target);
        }
        List<OpenAiChunk> chunks = new ArrayList<>(2);
        if (!started) {
            started = true;
            if (request.operation() == Operation.CHAT) {
                chunks.add(out.role());
            }
        }
        JsonNode token = e.path("token");
        if (token.isObject()) {
            tokens++;
            String text = token.path("text").asString("");
            if (!token.path("special").asBoolean(false) && !text.isEmpty()) {
                chunks.add(out.content(text));
            }
        }
        JsonNode details = e.path("details");
        if (details.isObject()) {
            done = true;
            long prompt = details.path("input_length").asLong(-1);
            usage = prompt >= 0
                    ? Usage.reported(prompt, details.path("generated_tokens").asLong(tokens), 0)
                    : new Usage(RequestText.estimateTokens(request), details.path("generated_tokens").asLong(tokens), 0, true);
            chunks.add(out.finish(TgiFinishReason.of(details.path("finish_reason").asString(""))));
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
