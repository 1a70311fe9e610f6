package io.llmgateway.policy.sensitivity.evaluation;

import java.util.List;

/**
 * One labelled text of the evaluation.
 *
 * @param row      the table row it counts for: a detector (or detector group) and the data source
 * @param text     the text to scan
 * @param spans    expected spans {@code [start, end)}, or null when only a count is known
 * @param expected expected number of matches (the size of {@code spans} when given)
 * @param mode     how predictions are compared with the labels
 */
record LabelledCase(Row row, String text, List<int[]> spans, int expected, Mode mode) {

    /** How a case is scored. */
    enum Mode {
        /** Predicted spans are matched one-to-one with overlapping expected spans. */
        SPANS,
        /** Only the number of matches is labelled. */
        COUNT,
        /** Validator case: the detector must (or must not) match exactly the whole text. */
        WHOLE,
        /** The text does (1) or does not (0) contain such a finding, however many. */
        PRESENCE
    }

    static LabelledCase spans(Row row, String text, List<int[]> spans) {
        return new LabelledCase(row, text, List.copyOf(spans), spans.size(), Mode.SPANS);
    }

    static LabelledCase count(Row row, String text, int expected) {
        return new LabelledCase(row, text, null, expected, Mode.COUNT);
    }

    static LabelledCase validator(Row row, String value, boolean valid) {
        return new LabelledCase(row, value, null, valid ? 1 : 0, Mode.WHOLE);
    }

    static LabelledCase presence(Row row, String text, boolean present) {
        return new LabelledCase(row, text, null, present ? 1 : 0, Mode.PRESENCE);
    }
}
