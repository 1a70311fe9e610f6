package io.llmgateway.gateway.proxy;

import io.llmgateway.adapter.StreamTranslator;
import io.llmgateway.adapter.schema.OpenAiChunk;
import io.llmgateway.adapter.schema.Usage;

/**
 * Usage of one streamed attempt: what the upstream reported, or, when the stream was cut before the
 * usage chunk (client went away, upstream failed), an estimate from the prompt estimate and the
 * number of content chunks relayed (about one token each on vLLM-style servers). Tokens the upstream
 * generated are never silently dropped from accounting.
 */
final class StreamUsage {

    private final CallContext call;
    private final StreamTranslator translator;
    private long deltas;
    private boolean settled;

    StreamUsage(CallContext call, StreamTranslator translator) {
        this.call = call;
        this.translator = translator;
    }

    void onChunk(OpenAiChunk chunk) {
        if (chunk.kind() == OpenAiChunk.Kind.DELTA) {
            deltas++;
        }
    }

    boolean anyChunk() {
        return deltas > 0;
    }

    synchronized void settle() {
        if (settled) {
            return;
        }
        settled = true;
        Usage reported = translator.usage();
        if (reported != null && reported.completionTokens() >= Math.max(0, deltas - 2)) {
            call.usage(reported);
        } else if (deltas > 0 || reported != null) {
            long prompt = reported != null ? reported.promptTokens() : call.promptEstimate();
            long completion = Math.max(deltas - 1, reported != null ? reported.completionTokens() : 0);
            call.usage(new Usage(prompt, completion, 0, true));
        }
    }
}
