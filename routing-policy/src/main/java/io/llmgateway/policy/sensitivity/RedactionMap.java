package io.llmgateway.policy.sensitivity;

import java.util.Map;

/**
 * Placeholders of one request and the values they stand for. Restores them in the model's answer,
 * whole ({@link #restore}) or streamed ({@link #streamingRestorer()}). Holds the original values in
 * memory only; {@link #toString()} shows the count, never a value.
 */
public final class RedactionMap {

    private final Map<String, String> originals;

    RedactionMap(Map<String, String> originals) {
        this.originals = Map.copyOf(originals);
    }

    public static RedactionMap empty() {
        return new RedactionMap(Map.of());
    }

    public int size() {
        return originals.size();
    }

    public boolean isEmpty() {
        return originals.isEmpty();
    }

    /** Whether {@code placeholder} (e.g. {@code [[EMAIL_1]]}) was issued for this request. */
    public boolean contains(String placeholder) {
        return originals.containsKey(placeholder);
    }

    /** The original of a placeholder, or null. */
    String original(String placeholder) {
        return originals.get(placeholder);
    }

    /** {@code answer} with every known placeholder replaced by its original; unknown ones stay. */
    public String restore(CharSequence answer) {
        StreamingRestorer restorer = streamingRestorer();
        return restorer.push(answer) + restorer.flush();
    }

    /** A restorer for one streamed answer (one per choice). */
    public StreamingRestorer streamingRestorer() {
        return new StreamingRestorer(this);
    }

    @Override
    public String toString() {
        return "RedactionMap[placeholders=" + originals.size() + "]";
    }
}
