package io.llmgateway.policy.sensitivity;

import java.util.ArrayList;
import java.util.List;

/** Test helper: what one finding id matched in one text, as strings (tests only; production never copies matches). */
public final class Detections {

    private static final SensitivityClassifier DEFAULT = SensitivityClassifier.of(ClassifierConfig.ofDefaults());

    private Detections() {
    }

    public static SensitivityClassifier defaultClassifier() {
        return DEFAULT;
    }

    /** The substrings of {@code text} reported under {@code findingId} by the default classifier. */
    public static List<String> matches(String findingId, String text) {
        return matches(DEFAULT, findingId, text);
    }

    public static List<String> matches(SensitivityClassifier classifier, String findingId, String text) {
        ScanResult result = classifier.scan(List.of(text));
        List<String> out = new ArrayList<>();
        result.find(findingId).ifPresent(f -> f.spans().forEach(s -> out.add(text.substring(s.start(), s.end()))));
        return out;
    }

    /** Splits a table cell of expected matches: {@code ""} is none, {@code a|b} is two. */
    public static List<String> expected(String cell) {
        return cell == null || cell.isEmpty() ? List.of() : List.of(cell.split("\\|", -1));
    }
}
