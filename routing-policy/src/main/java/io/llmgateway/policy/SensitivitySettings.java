package io.llmgateway.policy;

import java.util.List;
import java.util.Map;

/**
 * The {@code sensitivity} section, consumed by the classifier.
 *
 * @param findings            detector id or category ({@code pii}, {@code financial}, {@code secret},
 *                            {@code source-code}, {@code custom}) -> minimum data class of a request where it fired
 * @param sourceCodeThreshold 0..1 confidence above which text counts as source code (default 0.6)
 * @param keywords            custom keyword lists (name -> words); the name is a detector id
 * @param regexes             custom regular expressions (name -> pattern, checked to compile); the name is a detector id
 * @param maxScanChars        chars scanned per request (default 1048576); more is truncation
 *                            (on-error is fixed: a failed or truncated scan makes the request the most sensitive class)
 */
public record SensitivitySettings(
        Map<String, DataClass> findings,
        double sourceCodeThreshold,
        Map<String, List<String>> keywords,
        Map<String, String> regexes,
        int maxScanChars) {

    public static final SensitivitySettings DEFAULTS = new SensitivitySettings(Map.of(), 0.6, Map.of(), Map.of(), 1_048_576);

    /** The finding categories a policy may name. */
    public static final List<String> CATEGORIES = List.of("pii", "financial", "secret", "source-code", "custom");

    public SensitivitySettings {
        findings = Map.copyOf(findings);
        keywords = Map.copyOf(keywords);
        regexes = Map.copyOf(regexes);
    }
}
