package io.llmgateway.policy.sensitivity.text;

import java.util.List;

/**
 * Finds in one pass where the anchors of up to eight {@link PairSet}s start. A table over all pairs
 * of ASCII chars holds the sets each pair belongs to, so the pass reads each char once, looks up one
 * table entry and branches only at anchors: the detectors that start from anchors (number, IBAN,
 * social-credit-code, API-key and secret-name detectors) share one walk over the text instead of one
 * each. A non-ASCII char is read as {@link AsciiChars#foldToAscii} gives it, so a set built with
 * {@link PairSet.Builder#addIgnoringCase} also sees the Kelvin sign as {@code k}. Immutable.
 */
public final class PairIndex {

    private static final int MAX_SETS = 8;

    private final List<PairSet> sets;
    /** Per pair {@code (a << 7) | b}, bit {@code s} set when the pair is in set {@code s}. */
    private final byte[] members = new byte[128 * 128];

    private PairIndex(List<PairSet> sets) {
        if (sets.size() > MAX_SETS) {
            throw new IllegalArgumentException(sets.size() + " pair sets; at most " + MAX_SETS + " share a pass");
        }
        this.sets = List.copyOf(sets);
        for (int s = 0; s < this.sets.size(); s++) {
            for (int pair = 0; pair < members.length; pair++) {
                if (this.sets.get(s).contains(pair)) {
                    members[pair] |= (byte) (1 << s);
                }
            }
        }
    }

    public static PairIndex of(List<PairSet> sets) {
        return new PairIndex(sets);
    }

    /** The position of {@code set} in this index, or -1. */
    int indexOf(PairSet set) {
        return sets.indexOf(set);
    }

    /** Per set (in the order given to {@link #of}), the offsets where its anchors start. */
    Offsets[] scan(char[] text) {
        Offsets[] found = new Offsets[sets.size()];
        for (int s = 0; s < found.length; s++) {
            found[s] = new Offsets();
        }
        int prev = text.length == 0 ? 0 : read(text[0]);
        for (int i = 1; i < text.length; i++) {
            int cur = read(text[i]);
            int bits = members[(prev << 7) | cur];
            if (bits != 0) {
                addAll(found, bits & 0xFF, i - 1);
            }
            prev = cur;
        }
        return found;
    }

    private static void addAll(Offsets[] found, int bits, int offset) {
        for (int s = 0; bits != 0; s++, bits >>>= 1) {
            if ((bits & 1) != 0) {
                found[s].add(offset);
            }
        }
    }

    private static int read(char c) {
        return c < 128 ? c : AsciiChars.foldToAscii(c);
    }
}
