package io.llmgateway.policy.sensitivity.text;

/**
 * A set of pairs of adjacent ASCII chars where some detector's matches can start: the first two
 * chars of its keywords or prefixes. Detectors declare one and read its occurrences from
 * {@link ScanText#anchors}, which finds the anchors of several detectors in one pass ({@link PairIndex}).
 * Immutable.
 */
public final class PairSet {

    private final long[] bits;

    private PairSet(long[] bits) {
        this.bits = bits;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether the pair {@code (a << 7) | b} of ASCII chars is in the set. */
    boolean contains(int pair) {
        return (bits[pair >>> 6] & (1L << pair)) != 0;
    }

    /** Collects pairs. */
    public static final class Builder {
        private final long[] bits = new long[128 * 128 / 64];

        private Builder() {
        }

        /** Adds the pair {@code a b} of ASCII chars. */
        public Builder add(char a, char b) {
            if (a >= 128 || b >= 128) {
                throw new IllegalArgumentException("pair (" + (int) a + ", " + (int) b + ") is not of ASCII chars");
            }
            int pair = (a << 7) | b;
            bits[pair >>> 6] |= 1L << pair;
            return this;
        }

        /** Adds {@code a b} in every combination of ASCII letter case. */
        public Builder addIgnoringCase(char a, char b) {
            for (char x : bothCases(a)) {
                for (char y : bothCases(b)) {
                    add(x, y);
                }
            }
            return this;
        }

        private static char[] bothCases(char c) {
            char lower = AsciiChars.fold(c);
            return AsciiChars.isLower(lower) ? new char[] {lower, (char) (lower - ('a' - 'A'))} : new char[] {c};
        }

        public PairSet build() {
            return new PairSet(bits.clone());
        }
    }
}
