package io.llmgateway.policy;

import java.util.Locale;

/** Where a deployment runs: inside the private cloud, or at an external vendor. */
public enum Zone {
    PRIVATE,
    EXTERNAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code private} / {@code external}; null if neither. */
    public static Zone parse(String s) {
        for (Zone z : values()) {
            if (z.id().equals(s)) {
                return z;
            }
        }
        return null;
    }
}
