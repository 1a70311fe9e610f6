package io.llmgateway.policy.sensitivity;

import io.llmgateway.policy.sensitivity.custom.CustomRegexDetector;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Configuration of a {@link SensitivityClassifier}; immutable and validated on construction (an
 * invalid value fails with the value in the message). Build with {@link #custom()}, start from
 * {@link #ofDefaults()} or copy with {@link #from}.
 *
 * @param enabledDetectors              built-in detector ids to run (see {@link BuiltInDetectors#IDS})
 * @param sourceCodeThreshold           share of code-like lines a block needs, in (0, 1]
 * @param sourceCodeMinLines            code-like lines a block needs, at least 1
 * @param customKeywords                list name to keywords, reported as {@code custom-<name>}
 * @param customKeywordsCaseInsensitive whether keywords match ignoring case
 * @param customKeywordsWholeWords      whether a keyword must not continue an ASCII word
 * @param customRegexes                 pattern name to regex, reported as {@code custom-<name>}
 * @param customRegexStepsPerChar       char reads each custom regex may spend per char of text
 * @param genericSecretEntropyThreshold bits per char a value next to a secret-like name needs, in [0, 8]
 * @param maxCharsScanned               chars scanned per request; beyond, the result is truncated
 * @param scanTimeout                   time budget per scan; {@link Duration#ZERO} means none
 */
public record ClassifierConfig(
        Set<String> enabledDetectors,
        double sourceCodeThreshold,
        int sourceCodeMinLines,
        Map<String, List<String>> customKeywords,
        boolean customKeywordsCaseInsensitive,
        boolean customKeywordsWholeWords,
        Map<String, String> customRegexes,
        int customRegexStepsPerChar,
        double genericSecretEntropyThreshold,
        int maxCharsScanned,
        Duration scanTimeout) {

    public static final double DEFAULT_SOURCE_CODE_THRESHOLD = 0.6;
    public static final int DEFAULT_SOURCE_CODE_MIN_LINES = 4;
    public static final int DEFAULT_REGEX_STEPS_PER_CHAR = 64;
    public static final double DEFAULT_ENTROPY_THRESHOLD = 3.0;
    public static final int DEFAULT_MAX_CHARS = 1 << 20;

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    private static final int MAX_KEYWORD_LENGTH = 256;

    public ClassifierConfig {
        enabledDetectors = Set.copyOf(new LinkedHashSet<>(Objects.requireNonNull(enabledDetectors, "enabledDetectors")));
        for (String id : enabledDetectors) {
            require(BuiltInDetectors.IDS.contains(id), "enabledDetectors contains unknown detector '" + id
                    + "'; known: " + BuiltInDetectors.IDS);
        }
        require(sourceCodeThreshold > 0 && sourceCodeThreshold <= 1,
                "sourceCodeThreshold must be in (0, 1], was " + sourceCodeThreshold);
        require(sourceCodeMinLines >= 1, "sourceCodeMinLines must be >= 1, was " + sourceCodeMinLines);
        customKeywords = copyKeywords(customKeywords);
        customRegexes = copyRegexes(customRegexes, customKeywords);
        require(customRegexStepsPerChar >= 1, "customRegexStepsPerChar must be >= 1, was " + customRegexStepsPerChar);
        require(genericSecretEntropyThreshold >= 0 && genericSecretEntropyThreshold <= 8,
                "genericSecretEntropyThreshold must be in [0, 8] bits per char, was " + genericSecretEntropyThreshold);
        require(maxCharsScanned >= 1, "maxCharsScanned must be >= 1, was " + maxCharsScanned);
        Objects.requireNonNull(scanTimeout, "scanTimeout");
        require(!scanTimeout.isNegative(), "scanTimeout must not be negative, was " + scanTimeout);
    }

    /** All built-in detectors, no custom lists, default thresholds and a 1 MiB cap. */
    public static ClassifierConfig ofDefaults() {
        return custom().build();
    }

    public static Builder custom() {
        return new Builder();
    }

    public static Builder from(ClassifierConfig config) {
        return new Builder(config);
    }

    private static Map<String, List<String>> copyKeywords(Map<String, List<String>> lists) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        Objects.requireNonNull(lists, "customKeywords").forEach((name, keywords) -> {
            requireName("customKeywords", name);
            require(keywords != null && !keywords.isEmpty(), "customKeywords." + name + " must not be empty");
            for (int i = 0; i < keywords.size(); i++) {
                String k = keywords.get(i);
                require(k != null && !k.isBlank(), "customKeywords." + name + "[" + i + "] is blank");
                require(k.length() <= MAX_KEYWORD_LENGTH, "customKeywords." + name + "[" + i + "] is longer than "
                        + MAX_KEYWORD_LENGTH + " chars (" + k.length() + ")");
            }
            copy.put(name, List.copyOf(keywords));
        });
        return java.util.Collections.unmodifiableMap(copy);
    }

    private static Map<String, String> copyRegexes(Map<String, String> regexes, Map<String, List<String>> keywords) {
        Map<String, String> copy = new LinkedHashMap<>();
        Objects.requireNonNull(regexes, "customRegexes").forEach((name, regex) -> {
            requireName("customRegexes", name);
            require(!keywords.containsKey(name), "customRegexes." + name + " has the name of a keyword list");
            require(regex != null && !regex.isEmpty(), "customRegexes." + name + " is empty");
            String problem = CustomRegexDetector.problem(regex);
            require(problem == null, "customRegexes." + name + " '" + regex + "' " + problem);
            copy.put(name, regex);
        });
        return java.util.Collections.unmodifiableMap(copy);
    }

    private static void requireName(String field, String name) {
        require(name != null && NAME.matcher(name).matches(),
                field + " name '" + name + "' must match " + NAME.pattern());
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private Set<String> enabledDetectors = new LinkedHashSet<>(BuiltInDetectors.IDS);
        private double sourceCodeThreshold = DEFAULT_SOURCE_CODE_THRESHOLD;
        private int sourceCodeMinLines = DEFAULT_SOURCE_CODE_MIN_LINES;
        private final Map<String, List<String>> customKeywords = new LinkedHashMap<>();
        private boolean caseInsensitive = true;
        private boolean wholeWords = true;
        private final Map<String, String> customRegexes = new LinkedHashMap<>();
        private int regexStepsPerChar = DEFAULT_REGEX_STEPS_PER_CHAR;
        private double entropyThreshold = DEFAULT_ENTROPY_THRESHOLD;
        private int maxCharsScanned = DEFAULT_MAX_CHARS;
        private Duration scanTimeout = Duration.ZERO;

        private Builder() {
        }

        private Builder(ClassifierConfig c) {
            enabledDetectors = new LinkedHashSet<>(c.enabledDetectors());
            sourceCodeThreshold = c.sourceCodeThreshold();
            sourceCodeMinLines = c.sourceCodeMinLines();
            customKeywords.putAll(c.customKeywords());
            caseInsensitive = c.customKeywordsCaseInsensitive();
            wholeWords = c.customKeywordsWholeWords();
            customRegexes.putAll(c.customRegexes());
            regexStepsPerChar = c.customRegexStepsPerChar();
            entropyThreshold = c.genericSecretEntropyThreshold();
            maxCharsScanned = c.maxCharsScanned();
            scanTimeout = c.scanTimeout();
        }

        public Builder enabledDetectors(Set<String> ids) {
            this.enabledDetectors = new LinkedHashSet<>(ids);
            return this;
        }

        public Builder disable(String... ids) {
            for (String id : ids) {
                enabledDetectors.remove(id);
            }
            return this;
        }

        public Builder sourceCodeThreshold(double share) {
            this.sourceCodeThreshold = share;
            return this;
        }

        public Builder sourceCodeMinLines(int lines) {
            this.sourceCodeMinLines = lines;
            return this;
        }

        public Builder customKeywords(String name, List<String> keywords) {
            customKeywords.put(name, keywords);
            return this;
        }

        public Builder customKeywordsCaseInsensitive(boolean value) {
            this.caseInsensitive = value;
            return this;
        }

        public Builder customKeywordsWholeWords(boolean value) {
            this.wholeWords = value;
            return this;
        }

        public Builder customRegex(String name, String regex) {
            customRegexes.put(name, regex);
            return this;
        }

        public Builder customRegexStepsPerChar(int steps) {
            this.regexStepsPerChar = steps;
            return this;
        }

        public Builder genericSecretEntropyThreshold(double bitsPerChar) {
            this.entropyThreshold = bitsPerChar;
            return this;
        }

        public Builder maxCharsScanned(int chars) {
            this.maxCharsScanned = chars;
            return this;
        }

        public Builder scanTimeout(Duration timeout) {
            this.scanTimeout = timeout;
            return this;
        }

        public ClassifierConfig build() {
            return new ClassifierConfig(enabledDetectors, sourceCodeThreshold, sourceCodeMinLines, customKeywords,
                    caseInsensitive, wholeWords, customRegexes, regexStepsPerChar, entropyThreshold, maxCharsScanned,
                    scanTimeout);
        }
    }
}
