package io.llmgateway.policy.sensitivity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A range of one text to mask and the placeholder label for it. */
record LabelledSpan(int start, int end, String label) {

    /** Sorts and merges overlapping spans; a merged span keeps the label of its longest part. */
    static List<LabelledSpan> merge(List<LabelledSpan> spans) {
        List<LabelledSpan> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(LabelledSpan::start).thenComparing(Comparator.comparingInt(LabelledSpan::end).reversed()));
        List<LabelledSpan> merged = new ArrayList<>();
        LabelledSpan current = null;
        int longest = 0;
        for (LabelledSpan s : sorted) {
            if (current != null && s.start < current.end) {
                String label = s.end - s.start > longest ? s.label : current.label;
                longest = Math.max(longest, s.end - s.start);
                current = new LabelledSpan(current.start, Math.max(current.end, s.end), label);
            } else {
                if (current != null) {
                    merged.add(current);
                }
                current = s;
                longest = s.end - s.start;
            }
        }
        if (current != null) {
            merged.add(current);
        }
        return merged;
    }
}
