package io.llmgateway.policy.sensitivity.text;

import java.util.Collection;

/**
 * An immutable set of words that is asked about a range of a char array, so a lookup copies
 * nothing (a {@code Set<String>} would need a new {@code String} per question). Open addressing
 * over {@link String#hashCode()}; case-sensitive.
 */
public final class WordSet {

    private final String[] slots;
    private final int mask;

    private WordSet(Collection<String> words) {
        int size = Integer.highestOneBit(Math.max(4, words.size() * 2) - 1) << 1;
        slots = new String[size];
        mask = size - 1;
        for (String w : words) {
            int i = w.hashCode() & mask;
            while (slots[i] != null && !slots[i].equals(w)) {
                i = (i + 1) & mask;
            }
            slots[i] = w;
        }
    }

    public static WordSet of(Collection<String> words) {
        return new WordSet(words);
    }

    /** Whether {@code text[from, to)} is one of the words. */
    public boolean contains(char[] text, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + text[i];
        }
        for (int i = h & mask; slots[i] != null; i = (i + 1) & mask) {
            if (equals(slots[i], text, from, to)) {
                return true;
            }
        }
        return false;
    }

    private static boolean equals(String word, char[] text, int from, int to) {
        if (word.length() != to - from) {
            return false;
        }
        for (int j = 0; j < word.length(); j++) {
            if (word.charAt(j) != text[from + j]) {
                return false;
            }
        }
        return true;
    }
}
