package io.llmgateway.policy.sensitivity;

/**
 * Where a finding is: the index of the scanned text in the request and a char range in it.
 *
 * @param textIndex index into the list of texts given to {@link SensitivityClassifier#scan}
 * @param start     inclusive char offset
 * @param end       exclusive char offset
 */
public record Span(int textIndex, int start, int end) implements Comparable<Span> {

    public Span {
        if (textIndex < 0 || start < 0 || end <= start) {
            throw new IllegalArgumentException(
                    "span must have textIndex >= 0 and 0 <= start < end, was (" + textIndex + ", " + start + ", " + end + ")");
        }
    }

    public int length() {
        return end - start;
    }

    /** Whether both spans are in the same text and share at least one char. */
    public boolean overlaps(Span other) {
        return textIndex == other.textIndex && start < other.end && other.start < end;
    }

    @Override
    public int compareTo(Span o) {
        if (textIndex != o.textIndex) {
            return Integer.compare(textIndex, o.textIndex);
        }
        if (start != o.start) {
            return Integer.compare(start, o.start);
        }
        return Integer.compare(o.end, end);
    }
}
