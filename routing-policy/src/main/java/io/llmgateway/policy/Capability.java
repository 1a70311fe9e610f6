package io.llmgateway.policy;

import java.util.Locale;

/** What a deployment can do; a request needs the capabilities of its operation and features. */
public enum Capability {
    CHAT,
    COMPLETIONS,
    EMBEDDINGS,
    TOOLS,
    JSON_SCHEMA,
    VISION;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code chat}, {@code json_schema}, ...; null if unknown. */
    public static Capability parse(String s) {
        for (Capability c : values()) {
            if (c.id().equals(s)) {
                return c;
            }
        }
        return null;
    }
}
