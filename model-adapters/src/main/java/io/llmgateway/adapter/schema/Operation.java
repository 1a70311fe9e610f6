package io.llmgateway.adapter.schema;

/** The OpenAI operations the gateway serves, with their path under {@code /v1}. */
public enum Operation {
    CHAT("chat/completions"),
    COMPLETIONS("completions"),
    EMBEDDINGS("embeddings");

    private final String path;

    Operation(String path) {
        this.path = path;
    }

    /** Path relative to the API base, e.g. {@code chat/completions}. */
    public String path() {
        return path;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
