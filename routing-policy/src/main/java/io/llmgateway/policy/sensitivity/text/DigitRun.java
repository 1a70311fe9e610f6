package io.llmgateway.policy.sensitivity.text;

/**
 * A run of digit groups, as written in text: {@code 4111 1111 1111 1111}, {@code 138-1234-5678} or
 * {@code 110101199001011237}. Groups are separated by one or two spaces (or no-break spaces) or one
 * hyphen. Number detectors look at windows of consecutive groups ({@code a..b}), so two numbers
 * written one after the other are still found separately. Mutable and reused within one scan.
 */
public final class DigitRun {

    static final int MAX_GROUPS = 12;
    /** Longest window a detector copies: no number here has more digits. */
    private static final int MAX_WINDOW = 24;

    private final int[] start = new int[MAX_GROUPS];
    private final int[] scratch = new int[MAX_WINDOW];
    private final int[] end = new int[MAX_GROUPS];
    /** {@code digitsBefore[g]}: digits in groups {@code 0..g-1}, so any window's count is O(1). */
    private final int[] digitsBefore = new int[MAX_GROUPS + 1];
    /** {@link #lastGroupFrom} of each group, computed once the run is complete. */
    private final int[] lastFrom = new int[MAX_GROUPS];
    /** The digit values of the groups of at most {@link #MAX_WINDOW} digits, decoded once, in order. */
    private final int[] values = new int[MAX_GROUPS * MAX_WINDOW];
    /** Where group {@code g}'s digits are in {@link #values} (unset for a longer group). */
    private final int[] valuesStart = new int[MAX_GROUPS];
    private int valuesEnd;
    private int groups;
    private boolean attachedLeft;
    private boolean attachedRight;
    private boolean trailingX;

    void reset(boolean attachedLeft) {
        this.groups = 0;
        this.valuesEnd = 0;
        this.attachedLeft = attachedLeft;
        this.attachedRight = false;
        this.trailingX = false;
    }

    void addGroup(char[] text, int groupStart, int groupEnd) {
        start[groups] = groupStart;
        end[groups] = groupEnd;
        digitsBefore[groups + 1] = digitsBefore[groups] + (groupEnd - groupStart);
        if (groupEnd - groupStart <= MAX_WINDOW) {
            valuesStart[groups] = valuesEnd;
            for (int i = groupStart; i < groupEnd; i++) {
                values[valuesEnd++] = text[i] - '0';
            }
        }
        groups++;
    }

    void finish(boolean attachedRight, boolean trailingX) {
        this.attachedRight = attachedRight;
        this.trailingX = trailingX;
        for (int g = groups - 1; g >= 0; g--) {
            if (groupDigits(g) < 2) {
                lastFrom[g] = g - 1;
            } else {
                lastFrom[g] = g + 1 < groups && groupDigits(g + 1) >= 2 ? lastFrom[g + 1] : g;
            }
        }
    }

    boolean full() {
        return groups == MAX_GROUPS;
    }

    public int groups() {
        return groups;
    }

    public int groupStart(int g) {
        return start[g];
    }

    public int groupEnd(int g) {
        return end[g];
    }

    /** Digits in groups {@code a..b} inclusive. */
    public int digits(int a, int b) {
        return digitsBefore[b + 1] - digitsBefore[a];
    }

    /**
     * The last group a window starting at group {@code a} may end at, or {@code a - 1} if none may
     * start there. Numbers are written in groups of two or more digits ({@code +86 10 6234 5678},
     * {@code 1101 0119 9001 0112 37}); a one-digit group ends the windows, which keeps them few even
     * on text made of single digits separated by spaces.
     */
    public int lastGroupFrom(int a) {
        return lastFrom[a];
    }

    /** Digits in group {@code g}. */
    public int groupDigits(int g) {
        return end[g] - start[g];
    }

    /** Whether a window starting at group {@code a} is not glued to a preceding word or number. */
    public boolean openLeft(int a) {
        return a > 0 || !attachedLeft;
    }

    /** Whether a window ending at group {@code b} is not glued to a following word or number. */
    public boolean openRight(int b) {
        return b < groups - 1 || !attachedRight;
    }

    /** Whether the run's last group is followed by {@code X}/{@code x} (a resident-id check char). */
    public boolean trailingX() {
        return trailingX;
    }

    /** A test of a window's digits: {@code d[0..n-1]}. */
    @FunctionalInterface
    public interface WindowTest {
        boolean test(int[] d, int n);
    }

    /**
     * The first group {@code b} from group {@code a} on such that groups {@code a..b} hold at least
     * {@code minDigits} digits, the window is open on the right and its digits (copied into
     * {@link #scratch()}) pass {@code test}; -1 once the window would hold more than {@code maxDigits}
     * (at most {@link #MAX_WINDOW}) or none does.
     */
    public int firstWindow(int a, int minDigits, int maxDigits, WindowTest test) {
        for (int b = a, last = lastFrom[a]; b <= last; b++) {
            int n = digits(a, b);
            if (n > maxDigits) {
                return -1;
            }
            if (n >= minDigits && openRight(b)) {
                copyDigits(a, b, scratch);
                if (test.test(scratch, n)) {
                    return b;
                }
            }
        }
        return -1;
    }

    /** A buffer of 24 ints for a detector to copy a window's digits into while it handles this run. */
    public int[] scratch() {
        return scratch;
    }

    /**
     * Copies the digit values of groups {@code a..b}, at most 24 digits ({@link #scratch()}'s size),
     * into {@code out}; returns how many.
     */
    public int copyDigits(int a, int b, int[] out) {
        int n = digits(a, b);
        if (n > MAX_WINDOW) {
            throw new IllegalArgumentException("window of " + n + " digits; at most " + MAX_WINDOW + " are copied");
        }
        System.arraycopy(values, valuesStart[a], out, 0, n);
        return n;
    }
}
