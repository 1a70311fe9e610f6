package io.llmgateway.policy;

import java.util.Locale;

/** How an app's requests fare under saturation: batch waits or is refused first. */
public enum Priority {
    INTERACTIVE,
    BATCH;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Priority parse(String s) {
        for (Priority p : values()) {
            if (p.id().equals(s)) {
                return p;
            }
        }
        return null;
    }
}
