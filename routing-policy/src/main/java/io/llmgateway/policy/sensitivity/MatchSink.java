package io.llmgateway.policy.sensitivity;

/**
 * Receives the matches of a {@link Detector}: offsets only, never the matched text.
 */
@FunctionalInterface
public interface MatchSink {

    /**
     * Reports one match.
     *
     * @param findingId one of the detector's {@link Detector#findingIds()}
     * @param start     offset of the first char, inclusive
     * @param end       offset after the last char, exclusive
     */
    void match(String findingId, int start, int end);
}
