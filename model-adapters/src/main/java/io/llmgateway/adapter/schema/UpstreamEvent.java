package io.llmgateway.adapter.schema;

/**
 * One event read from an upstream stream: an SSE event ({@code event} may be null) or, for NDJSON
 * upstreams, one line in {@code data}.
 */
public record UpstreamEvent(String event, String data) {

    public static UpstreamEvent line(String data) {
        return new UpstreamEvent(null, data);
    }
}
