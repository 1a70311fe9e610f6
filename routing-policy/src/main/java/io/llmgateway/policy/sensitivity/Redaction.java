package io.llmgateway.policy.sensitivity;

import java.util.List;
import java.util.Objects;

/**
 * The result of {@link Redactor#redact}: the masked texts, in the order given, and the map that
 * restores the placeholders in the answer. {@link #toString()} shows sizes only.
 *
 * @param texts masked texts
 * @param map   placeholder to original value
 */
public record Redaction(List<String> texts, RedactionMap map) {

    public Redaction {
        texts = List.copyOf(texts);
        Objects.requireNonNull(map, "map");
    }

    @Override
    public String toString() {
        return "Redaction[texts=" + texts.size() + ", " + map + "]";
    }
}
