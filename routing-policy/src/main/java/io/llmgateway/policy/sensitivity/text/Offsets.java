package io.llmgateway.policy.sensitivity.text;

import java.util.Arrays;

/** A growing list of text offsets in increasing order, as found by one pass over a text. */
public final class Offsets {

    private int[] offsets = new int[16];
    private int count;

    void add(int offset) {
        if (count == offsets.length) {
            offsets = Arrays.copyOf(offsets, count * 2);
        }
        offsets[count++] = offset;
    }

    public int count() {
        return count;
    }

    /** Offset {@code k}, {@code 0 <= k < count()}. */
    public int get(int k) {
        return offsets[k];
    }
}
