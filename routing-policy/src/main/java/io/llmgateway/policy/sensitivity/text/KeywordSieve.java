package io.llmgateway.policy.sensitivity.text;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Finds every occurrence of a few short keywords, ignoring case as {@link AsciiChars#fold} does.
 * Where a {@link KeywordAutomaton} takes one table read per char that depends on the previous one,
 * this starts from the {@linkplain ScanText#anchors anchors} of its {@link #firstPairs()} (the
 * keywords' first two chars, in any case; found in the pass shared with other detectors) and
 * compares keywords only there: a few per cent of the offsets of prose.
 *
 * <p>The keywords are lower-case printable ASCII, at least two chars long, and none contains another,
 * so at most one starts at any offset and ordering the matches by start orders them by end: the
 * matches and their order are those of a case-insensitive {@code KeywordAutomaton} over the same
 * keywords.
 */
public final class KeywordSieve {

    private final String[] keywords;
    /** Per folded ASCII char, the indexes of the keywords starting with it. */
    private final int[][] byFirstChar = new int[128][];
    /** The first two chars of every keyword, in every case. */
    private final PairSet firstPairs;

    private KeywordSieve(List<String> keywords) {
        this.keywords = keywords.toArray(String[]::new);
        for (int k = 0; k < this.keywords.length; k++) {
            check(k);
        }
        for (int c = 0; c < 128; c++) {
            char first = (char) c;
            byFirstChar[c] = IntStream.range(0, this.keywords.length).filter(k -> this.keywords[k].charAt(0) == first).toArray();
        }
        PairSet.Builder pairs = PairSet.builder();
        for (String k : this.keywords) {
            pairs.addIgnoringCase(k.charAt(0), k.charAt(1));
        }
        this.firstPairs = pairs.build();
    }

    /** A sieve over {@code keywords}; a keyword's index in the list is the index its matches report. */
    public static KeywordSieve of(List<String> keywords) {
        return new KeywordSieve(keywords);
    }

    private void check(int index) {
        String k = keywords[index];
        if (k.length() < 2 || !k.chars().allMatch(c -> c >= ' ' && c < 127 && !AsciiChars.isUpper((char) c))) {
            throw new IllegalArgumentException("keyword '" + k + "' is not lower-case printable ASCII of two or more chars");
        }
        for (int other = 0; other < keywords.length; other++) {
            if (other != index && keywords[other].contains(k)) {
                throw new IllegalArgumentException("keyword '" + k + "' occurs in keyword '" + keywords[other] + "'");
            }
        }
    }

    /** The pairs a match starts with: the keywords' first two chars in every case. */
    public PairSet firstPairs() {
        return firstPairs;
    }

    /** Reports every match in {@code text}, in order. */
    public void search(CharSequence text, KeywordAutomaton.Hits hits) {
        ScanText t = ScanText.of(text);
        char[] chars = t.array();
        Offsets anchors = t.anchors(firstPairs);
        for (int a = 0; a < anchors.count(); a++) {
            int start = anchors.get(a);
            for (int k : byFirstChar[AsciiChars.foldToAscii(chars[start])]) {
                String keyword = keywords[k];
                int end = start + keyword.length();
                if (end <= chars.length && matchesAt(chars, start, keyword)) {
                    hits.hit(k, start, end);
                    break;
                }
            }
        }
    }

    private static boolean matchesAt(char[] text, int start, String keyword) {
        for (int j = 0; j < keyword.length(); j++) {
            if (AsciiChars.fold(text[start + j]) != keyword.charAt(j)) {
                return false;
            }
        }
        return true;
    }
}
