package io.llmgateway.adapter;

import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.schema.OpenAiChunk;
import io.llmgateway.adapter.schema.UpstreamEvent;
import io.llmgateway.adapter.schema.Usage;
import java.util.List;

/**
 * Translates one upstream stream, event by event, into OpenAI chunks. Stateful, one instance per
 * stream, called from one thread at a time; does no I/O.
 */
public interface StreamTranslator {

    /** The OpenAI chunks for one upstream event (often one, sometimes none or several). */
    List<OpenAiChunk> onEvent(UpstreamEvent event);

    /**
     * The upstream stream ended. Returns trailing chunks, or throws a
     * {@link io.llmgateway.adapter.error.GatewayException} if it ended before the answer was complete
     * (connection closed mid-answer), so the client never mistakes a cut answer for a finished one.
     */
    List<OpenAiChunk> onComplete();

    /** True once the upstream signalled the end ({@code [DONE]}, a final event); nothing more is expected. */
    boolean finished();

    /** Usage reported so far, or null if none has been reported. */
    Usage usage();

    /** The error {@link #onComplete()} throws when the upstream's stream ended before the answer was complete. */
    static GatewayException endedEarly(UpstreamTarget target) {
        return GatewayException.of(ErrorKind.UPSTREAM_ERROR,
                "upstream '" + target.deploymentId() + "' ended the stream before the answer was complete");
    }
}
