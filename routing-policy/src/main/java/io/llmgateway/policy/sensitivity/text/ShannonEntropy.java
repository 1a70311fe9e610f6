package io.llmgateway.policy.sensitivity.text;

/** Shannon entropy in bits per char, the usual measure of how random a token looks. */
public final class ShannonEntropy {

    private ShannonEntropy() {
    }

    /** Entropy of {@code text[start, end)}; chars above 127 share one bucket. */
    public static double bitsPerChar(CharSequence text, int start, int end) {
        int n = end - start;
        if (n <= 0) {
            return 0;
        }
        int[] counts = new int[129];
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            counts[c < 128 ? c : 128]++;
        }
        double bits = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = (double) count / n;
                bits -= p * (Math.log(p) / Math.log(2));
            }
        }
        return bits;
    }

    /** Number of distinct chars in {@code text[start, end)}, chars above 127 counted as one. */
    public static int distinctChars(CharSequence text, int start, int end) {
        boolean[] seen = new boolean[129];
        int distinct = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            int k = c < 128 ? c : 128;
            if (!seen[k]) {
                seen[k] = true;
                distinct++;
            }
        }
        return distinct;
    }
}
