package io.llmgateway.policy.sensitivity.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Aho–Corasick multi-pattern matcher: finds every occurrence of every keyword in one pass, in time
 * linear in the text plus the number of matches, whatever the number of keywords.
 *
 * <p>Options: case-insensitive (chars folded with {@link AsciiChars#fold}) and whole words (a match
 * must not continue an ASCII word: the boundary is checked only on a side where the keyword itself
 * starts or ends with an ASCII letter, digit or underscore, so CJK keywords match inside CJK text).
 * Small automata get a dense transition table over raw ASCII chars (case folding built in, so a
 * step is one array read); large ones walk failure links.
 */
public final class KeywordAutomaton {

    /** Receives matches. */
    @FunctionalInterface
    public interface Hits {
        /**
         * @param keyword index of the keyword in insertion order
         * @param start   inclusive offset
         * @param end     exclusive offset
         */
        void hit(int keyword, int start, int end);
    }

    private static final int DENSE_STATE_LIMIT = 2048;

    private final boolean caseInsensitive;
    private final boolean wholeWords;
    private final int[] keywordLength;
    private final boolean[] wordStart;
    private final boolean[] wordEnd;
    private final int[] edgeOffset;
    private final char[] edgeChar;
    private final int[] edgeTarget;
    private final int[] fail;
    private final int[][] outputs;
    /** Dense transitions on raw ASCII chars ({@code [(state << 7) | c]}, case folding built in), or null. */
    private final int[] asciiDelta;
    /** Whether every keyword is ASCII, so any other char sends the automaton back to its root. */
    private final boolean asciiOnly;

    private KeywordAutomaton(Builder b) {
        this.caseInsensitive = b.caseInsensitive;
        this.wholeWords = b.wholeWords;
        TrieCompiler trie = new TrieCompiler(b.keywords, caseInsensitive);
        this.keywordLength = trie.keywordLength;
        this.wordStart = trie.wordStart;
        this.wordEnd = trie.wordEnd;
        this.edgeOffset = trie.edgeOffset;
        this.edgeChar = trie.edgeChar;
        this.edgeTarget = trie.edgeTarget;
        this.fail = trie.fail;
        this.outputs = trie.outputs;
        this.asciiDelta = trie.states() <= DENSE_STATE_LIMIT ? trie.asciiDelta(caseInsensitive) : null;
        this.asciiOnly = b.keywords.stream().allMatch(k -> k.chars().allMatch(c -> c < 128));
    }

    public static Builder builder() {
        return new Builder();
    }

    public int keywordCount() {
        return keywordLength.length;
    }

    /** Reports every match in {@code text[from, to)}. */
    public void search(CharSequence text, int from, int to, Hits hits) {
        char[] chars = ScanText.of(text).array();
        int state = 0;
        for (int i = from; i < to; i++) {
            char c = chars[i];
            state = c < 128 && asciiDelta != null ? asciiDelta[(state << 7) | c] : stepOther(state, c);
            int[] out = outputs[state];
            if (out != null) {
                emit(chars, from, to, i + 1, out, hits);
            }
        }
    }

    /** The transition on a char the dense table does not cover: non-ASCII, or any char of a large automaton. */
    private int stepOther(int state, char c) {
        char folded = caseInsensitive ? AsciiChars.fold(c) : c;
        if (folded >= 128 && asciiOnly) {
            return 0;
        }
        return folded < 128 && asciiDelta != null ? asciiDelta[(state << 7) | folded] : step(state, folded);
    }

    public void search(CharSequence text, Hits hits) {
        search(text, 0, text.length(), hits);
    }

    private void emit(char[] text, int from, int to, int end, int[] out, Hits hits) {
        for (int k : out) {
            int start = end - keywordLength[k];
            if (wholeWords && !atBoundary(text, from, to, k, start, end)) {
                continue;
            }
            hits.hit(k, start, end);
        }
    }

    private boolean atBoundary(char[] text, int from, int to, int k, int start, int end) {
        if (wordStart[k] && start > from && AsciiChars.isWordChar(text[start - 1])) {
            return false;
        }
        return !(wordEnd[k] && end < to && AsciiChars.isWordChar(text[end]));
    }

    private int step(int state, char c) {
        while (true) {
            int next = edge(state, c);
            if (next >= 0) {
                return next;
            }
            if (state == 0) {
                return 0;
            }
            state = fail[state];
        }
    }

    private int edge(int state, char c) {
        int i = Arrays.binarySearch(edgeChar, edgeOffset[state], edgeOffset[state + 1], c);
        return i >= 0 ? edgeTarget[i] : -1;
    }

    /** Collects keywords; each gets the index of its insertion. */
    public static final class Builder {
        private final List<String> keywords = new ArrayList<>();
        private boolean caseInsensitive;
        private boolean wholeWords;

        private Builder() {
        }

        public Builder caseInsensitive(boolean value) {
            this.caseInsensitive = value;
            return this;
        }

        public Builder wholeWords(boolean value) {
            this.wholeWords = value;
            return this;
        }

        /** Adds a keyword and returns its index. */
        public int add(String keyword) {
            Objects.requireNonNull(keyword, "keyword");
            if (keyword.isEmpty()) {
                throw new IllegalArgumentException("keyword #" + keywords.size() + " is empty");
            }
            keywords.add(keyword);
            return keywords.size() - 1;
        }

        public KeywordAutomaton build() {
            return new KeywordAutomaton(this);
        }
    }
}
