package io.llmgateway.policy.sensitivity.text;

import io.llmgateway.policy.sensitivity.Detector;
import io.llmgateway.policy.sensitivity.MatchSink;

/**
 * A detector of numbers written as digit groups. It judges one {@link DigitRun} at a time, so
 * several such detectors can share one pass of {@link DigitRunScanner} over a text.
 */
public interface DigitRunDetector extends Detector {

    /** Reports the matches within one run of {@code text}. */
    void scanRun(CharSequence text, DigitRun run, MatchSink sink);

    @Override
    default void scan(CharSequence text, MatchSink sink) {
        DigitRunScanner.scan(text, (t, run) -> scanRun(t, run, sink));
    }
}
