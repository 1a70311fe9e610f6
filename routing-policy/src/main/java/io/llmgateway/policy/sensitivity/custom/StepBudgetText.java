package io.llmgateway.policy.sensitivity.custom;

/**
 * A view of a text that counts char reads and fails once a budget is spent, bounding the work of a
 * {@link java.util.regex.Matcher} (whose backtracking reads chars) on any input.
 */
final class StepBudgetText implements CharSequence {

    /** Signals the budget is spent. */
    static final class Exhausted extends RuntimeException {
        Exhausted() {
            super(null, null, false, false);
        }
    }

    private final CharSequence text;
    private final int offset;
    private final int length;
    private final long[] remaining;

    StepBudgetText(CharSequence text, long budget) {
        this(text, 0, text.length(), new long[] {budget});
    }

    private StepBudgetText(CharSequence text, int offset, int length, long[] remaining) {
        this.text = text;
        this.offset = offset;
        this.length = length;
        this.remaining = remaining;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (--remaining[0] < 0) {
            throw new Exhausted();
        }
        return text.charAt(offset + index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new StepBudgetText(text, offset + start, end - start, remaining);
    }

    @Override
    public String toString() {
        return "StepBudgetText[length=" + length + "]";
    }
}
