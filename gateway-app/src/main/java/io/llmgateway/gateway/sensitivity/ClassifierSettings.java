package io.llmgateway.gateway.sensitivity;

import io.llmgateway.policy.PolicyException;
import io.llmgateway.policy.SensitivitySettings;
import io.llmgateway.policy.sensitivity.ClassifierConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The policy's {@code sensitivity} section -> {@link ClassifierConfig}. A value the classifier refuses (a
 * regex that may backtrack, a keyword list name it cannot report, a threshold of 0) becomes a problem at
 * the policy path ({@code sensitivity.regexes.ids}), so the policy is refused at load.
 */
final class ClassifierSettings {

    /** ClassifierConfig field (start of its messages) -> policy field. */
    private static final Map<String, String> PATHS = Map.of(
            "customRegexes", "regexes",
            "customKeywords", "keywords",
            "sourceCodeThreshold", "source-code-threshold",
            "maxCharsScanned", "max-scan-chars",
            "scanTimeout", "scan-timeout");

    private ClassifierSettings() {
    }

    /** The config, or null with the problem added. */
    static ClassifierConfig config(SensitivitySettings s, Duration scanTimeout, String source,
                                   List<PolicyException.Problem> problems) {
        ClassifierConfig.Builder b = ClassifierConfig.custom()
                .sourceCodeThreshold(s.sourceCodeThreshold())
                .maxCharsScanned(s.maxScanChars())
                .scanTimeout(scanTimeout);
        s.keywords().forEach(b::customKeywords);
        s.regexes().forEach(b::customRegex);
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            problems.add(problem(source, e.getMessage()));
            return null;
        }
    }

    /** {@code customRegexes.ids '(a+)+' may backtrack} -> {@code sensitivity.regexes.ids: '(a+)+' may backtrack}. */
    static PolicyException.Problem problem(String source, String message) {
        int space = message.indexOf(' ');
        String head = space < 0 ? message : message.substring(0, space);
        for (Map.Entry<String, String> e : PATHS.entrySet()) {
            if (head.startsWith(e.getKey())) {
                String path = "sensitivity." + e.getValue() + head.substring(e.getKey().length());
                return new PolicyException.Problem(source, 0, path, message.substring(head.length()).strip());
            }
        }
        return new PolicyException.Problem(source, 0, "sensitivity", message);
    }
}
