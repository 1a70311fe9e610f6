package io.llmgateway.policy.sensitivity.text;

import java.util.function.Function;

/**
 * A text prepared once for all detectors of a scan: its chars copied into an array (the detectors'
 * loops read the array), the {@code String} kept for the JDK's vectorised {@link String#indexOf},
 * and what several detectors share computed on first use and kept: the {@linkplain #anchors anchors}
 * of every {@link PairSet} of the scan's {@link PairIndex}, found in one pass, and other
 * {@linkplain #shared analyses} such as the {@link DigitSequences}. One per text per scan; not
 * thread-safe. {@link #toString()} is the text itself, as for any {@code CharSequence}: never log it.
 */
public final class ScanText implements CharSequence {

    private static final int MAX_SHARED = 6;

    private final String string;
    private final char[] chars;
    private final PairIndex index;
    private Offsets[] indexed;
    private final Object[] keys = new Object[MAX_SHARED];
    private final Object[] results = new Object[MAX_SHARED];

    private ScanText(String string, PairIndex index) {
        this.string = string;
        this.chars = string.toCharArray();
        this.index = index;
    }

    /** {@code text} itself if it is already prepared, else a prepared copy that finds each pair set's anchors on its own. */
    public static ScanText of(CharSequence text) {
        return text instanceof ScanText prepared ? prepared : new ScanText(text.toString(), null);
    }

    /** A prepared copy of {@code text} whose pair sets in {@code index} are found in one pass. */
    public static ScanText of(CharSequence text, PairIndex index) {
        return new ScanText(text.toString(), index);
    }

    /** The chars; the detectors read, never write, this array. */
    public char[] array() {
        return chars;
    }

    /** The offsets where the pairs of {@code set} occur (a pair at {@code p} is {@code text[p, p + 2)}), in order. */
    public Offsets anchors(PairSet set) {
        int s = index == null ? -1 : index.indexOf(set);
        if (s < 0) {
            return shared(set, t -> PairIndex.of(java.util.List.of(set)).scan(t.chars)[0]);
        }
        if (indexed == null) {
            indexed = index.scan(chars);
        }
        return indexed[s];
    }

    /**
     * The result of {@code analysis} over this text, computed on the first call with this {@code key}
     * and returned again to every later caller passing the same key (compared by identity).
     */
    @SuppressWarnings("unchecked")
    public <T> T shared(Object key, Function<ScanText, T> analysis) {
        for (int i = 0; i < MAX_SHARED; i++) {
            if (keys[i] == key) {
                return (T) results[i];
            }
            if (keys[i] == null) {
                T result = analysis.apply(this);
                keys[i] = key;
                results[i] = result;
                return result;
            }
        }
        return analysis.apply(this);
    }

    /** Offset of the first {@code c} at or after {@code from}, or -1 (vectorised). */
    public int indexOf(char c, int from) {
        return string.indexOf(c, from);
    }

    @Override
    public int length() {
        return chars.length;
    }

    @Override
    public char charAt(int index) {
        return chars[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return string.subSequence(start, end);
    }

    @Override
    public String toString() {
        return string;
    }
}
