package io.llmgateway.policy.sensitivity.custom;

import io.llmgateway.policy.sensitivity.Detector;
import io.llmgateway.policy.sensitivity.FindingKind;
import io.llmgateway.policy.sensitivity.MatchSink;
import io.llmgateway.policy.sensitivity.ScanBudgetExceededException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code custom-regexes}: the policy's own regular expressions, each reporting under
 * {@code custom-<name>}. Patterns are checked by {@link RegexSafety} when compiled and run over a
 * {@link StepBudgetText}: each pattern may read at most {@code stepsPerChar} chars per char of text
 * (plus a small constant), so a pattern that would backtrack badly stops with
 * {@link ScanBudgetExceededException} (the scan is then marked truncated) instead of stalling.
 */
public final class CustomRegexDetector implements Detector {

    public static final String ID = "custom-regexes";
    private static final long BASE_BUDGET = 10_000;

    private final List<String> findingIdOfPattern;
    private final List<Pattern> patterns;
    /** Per pattern, a literal every match starts with, or null: texts without it are skipped. */
    private final List<String> requiredPrefixes;
    private final Set<String> findingIds;
    private final int stepsPerChar;

    /**
     * @param regexes      name to pattern; compiled here (they were validated with {@link #problem})
     * @param stepsPerChar char reads allowed per char of text, per pattern
     */
    public CustomRegexDetector(Map<String, String> regexes, int stepsPerChar) {
        List<String> ids = new ArrayList<>();
        List<Pattern> compiled = new ArrayList<>();
        regexes.forEach((name, regex) -> {
            ids.add(KeywordListDetector.findingId(name));
            compiled.add(Pattern.compile(regex));
        });
        this.findingIdOfPattern = List.copyOf(ids);
        this.patterns = List.copyOf(compiled);
        this.requiredPrefixes = compiled.stream().map(p -> LiteralPrefix.of(p.pattern())).toList();
        this.findingIds = Set.copyOf(new LinkedHashSet<>(ids));
        this.stepsPerChar = stepsPerChar;
    }

    /**
     * Why a pattern is not accepted (syntax error or a catastrophic construct), or null if it is.
     * Describes the position, never echoes request text.
     */
    public static String problem(String regex) {
        try {
            Pattern.compile(regex);
        } catch (RuntimeException e) {
            return "is not a valid regular expression: " + e.getMessage().lines().findFirst().orElse("");
        }
        String unsafe = RegexSafety.problem(regex);
        return unsafe == null ? null : "may backtrack catastrophically (" + unsafe + ")";
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public FindingKind kind() {
        return FindingKind.CUSTOM;
    }

    @Override
    public Set<String> findingIds() {
        return findingIds;
    }

    @Override
    public void scan(CharSequence text, MatchSink sink) {
        String plain = text.toString();
        for (int p = 0; p < patterns.size(); p++) {
            String prefix = requiredPrefixes.get(p);
            if (prefix != null && !plain.contains(prefix)) {
                continue;
            }
            StepBudgetText bounded = new StepBudgetText(text, BASE_BUDGET + (long) stepsPerChar * text.length());
            Matcher m = patterns.get(p).matcher(bounded);
            try {
                while (m.find()) {
                    if (m.end() > m.start()) {
                        sink.match(findingIdOfPattern.get(p), m.start(), m.end());
                    }
                }
            } catch (StepBudgetText.Exhausted | StackOverflowError e) {
                throw new ScanBudgetExceededException(findingIdOfPattern.get(p));
            }
        }
    }
}
