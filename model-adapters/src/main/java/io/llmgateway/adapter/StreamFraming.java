package io.llmgateway.adapter;

/** How an upstream frames its stream. */
public enum StreamFraming {
    /** {@code text/event-stream}. */
    SSE,
    /** Newline-delimited JSON (Ollama). */
    NDJSON
}
