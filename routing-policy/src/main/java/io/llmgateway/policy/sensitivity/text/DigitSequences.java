package io.llmgateway.policy.sensitivity.text;

import java.util.Arrays;
import java.util.function.Function;

/**
 * The maximal runs of ASCII digits of a text, in order, found in one pass. Every number detector,
 * the IBAN and the social-credit-code detector wake only at these runs, so a text is walked char by
 * char once for all of them. Immutable once built.
 */
public final class DigitSequences {

    /** Pairs of a non-digit and a digit: where a run starts (after the first char of the pair). */
    public static final PairSet STARTS = starts();
    private static final Function<ScanText, DigitSequences> FIND = DigitSequences::find;

    private int[] starts;
    private int[] ends;
    private int count;

    private DigitSequences(int capacity) {
        starts = new int[capacity];
        ends = new int[capacity];
    }

    /** The digit runs of {@code text}, found once per text and shared by the detectors that ask. */
    public static DigitSequences of(ScanText text) {
        return text.shared(FIND, FIND);
    }

    /** From the {@link #STARTS} anchors (shared with other detectors' pass), each run read to its end. */
    private static DigitSequences find(ScanText t) {
        char[] text = t.array();
        Offsets anchors = t.anchors(STARTS);
        DigitSequences d = new DigitSequences(anchors.count() + 1);
        if (text.length > 0 && AsciiChars.isDigit(text[0])) {
            d.add(0, runEnd(text, 0));
        }
        for (int k = 0; k < anchors.count(); k++) {
            int start = anchors.get(k) + 1;
            d.add(start, runEnd(text, start));
        }
        return d;
    }

    private static int runEnd(char[] text, int start) {
        int end = start;
        while (end < text.length && AsciiChars.isDigit(text[end])) {
            end++;
        }
        return end;
    }

    private static PairSet starts() {
        PairSet.Builder pairs = PairSet.builder();
        for (char a = 0; a < 128; a++) {
            for (char b = '0'; b <= '9' && !AsciiChars.isDigit(a); b++) {
                pairs.add(a, b);
            }
        }
        return pairs.build();
    }

    private void add(int start, int end) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        starts[count] = start;
        ends[count] = end;
        count++;
    }

    public int count() {
        return count;
    }

    /** Offset of the first digit of run {@code k}. */
    public int start(int k) {
        return starts[k];
    }

    /** Offset after the last digit of run {@code k}. */
    public int end(int k) {
        return ends[k];
    }
}
