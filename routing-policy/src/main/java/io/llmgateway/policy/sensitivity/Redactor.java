package io.llmgateway.policy.sensitivity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Masks findings with stable placeholders: each distinct matched value gets one placeholder per
 * request ({@code [[EMAIL_1]]}, the same value the same placeholder wherever it occurs), overlapping
 * matches are masked as one (labelled by the longest), and numbers already present in the texts as
 * placeholders are skipped so restoring is unambiguous.
 */
public final class Redactor {

    private Redactor() {
    }

    /** Masks every finding of {@code result} in {@code texts} (the texts that were scanned). */
    public static Redaction redact(List<? extends CharSequence> texts, ScanResult result) {
        return redact(texts, result, finding -> true);
    }

    /** Masks the findings accepted by {@code which}. */
    public static Redaction redact(List<? extends CharSequence> texts, ScanResult result, Predicate<Finding> which) {
        Objects.requireNonNull(texts, "texts");
        List<List<LabelledSpan>> perText = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            perText.add(new ArrayList<>());
        }
        for (Finding finding : result.findings()) {
            if (!which.test(finding)) {
                continue;
            }
            String label = Placeholder.label(finding.detectorId());
            for (Span span : finding.spans()) {
                if (span.textIndex() >= texts.size() || span.end() > texts.get(span.textIndex()).length()) {
                    throw new IllegalArgumentException("span " + span + " lies outside the given texts");
                }
                perText.get(span.textIndex()).add(new LabelledSpan(span.start(), span.end(), label));
            }
        }
        Numbering numbering = new Numbering(texts);
        List<String> masked = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            masked.add(mask(texts.get(i), LabelledSpan.merge(perText.get(i)), numbering));
        }
        return new Redaction(masked, new RedactionMap(numbering.originals()));
    }

    private static String mask(CharSequence text, List<LabelledSpan> spans, Numbering numbering) {
        if (spans.isEmpty()) {
            return text.toString();
        }
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (LabelledSpan s : spans) {
            out.append(text, at, s.start());
            out.append(numbering.placeholder(s.label(), text.subSequence(s.start(), s.end()).toString()));
            at = s.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    /** Issues placeholders: one per distinct value, numbered per label, avoiding ones in the texts. */
    private static final class Numbering {
        private final List<? extends CharSequence> texts;
        private final boolean textsHaveBrackets;
        private final Map<String, String> placeholderOfValue = new HashMap<>();
        private final Map<String, String> originals = new HashMap<>();
        private final Map<String, Integer> lastNumber = new HashMap<>();

        Numbering(List<? extends CharSequence> texts) {
            this.texts = texts;
            this.textsHaveBrackets = texts.stream().anyMatch(t -> t.toString().contains(Placeholder.OPEN));
        }

        String placeholder(String label, String value) {
            return placeholderOfValue.computeIfAbsent(value, v -> {
                String p;
                do {
                    int n = lastNumber.merge(label, 1, Integer::sum);
                    p = Placeholder.of(label, n);
                } while (textsHaveBrackets && occurs(p));
                originals.put(p, v);
                return p;
            });
        }

        private boolean occurs(String placeholder) {
            return texts.stream().anyMatch(t -> t.toString().contains(placeholder));
        }

        Map<String, String> originals() {
            return originals;
        }
    }
}
