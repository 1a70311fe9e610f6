package io.llmgateway.adapter.sse;

/** An upstream stream broke a size limit (endless line, oversized event). */
public final class StreamLimitException extends RuntimeException {

    public StreamLimitException(String message) {
        super(message, null, false, false);
    }
}
