package io.llmgateway.policy.sensitivity;

import java.util.Set;

/**
 * Finds one kind of sensitive data in text. Implementations are immutable, thread-safe and run in
 * time linear in the text length: they do not backtrack and allocate per match, never per char.
 */
public interface Detector {

    /** Stable id used in policies, metrics and configuration, e.g. {@code cn-id} or {@code api-key}. */
    String id();

    /** The category of every finding this detector reports. */
    FindingKind kind();

    /**
     * The ids this detector reports findings under. A single detector reports under its own id; a
     * family (one pass for several formats, e.g. vendor API keys) reports one id per format.
     */
    default Set<String> findingIds() {
        return Set.of(id());
    }

    /** The category of the findings reported under {@code findingId}; {@link #kind()} unless a family mixes kinds. */
    default FindingKind kindOf(String findingId) {
        return kind();
    }

    /** Scans {@code text} and reports every match to {@code sink}. */
    void scan(CharSequence text, MatchSink sink);
}
