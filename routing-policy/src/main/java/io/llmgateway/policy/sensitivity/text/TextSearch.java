package io.llmgateway.policy.sensitivity.text;

/**
 * Forward search in a {@link CharSequence}, using the JDK's vectorised {@link String#indexOf(int, int)}
 * when the text is a {@link ScanText} or a {@code String} (the classifier always passes a
 * {@code ScanText}).
 */
public final class TextSearch {

    private TextSearch() {
    }

    public static int indexOf(CharSequence text, char c, int from) {
        if (text instanceof ScanText t) {
            return t.indexOf(c, from);
        }
        if (text instanceof String s) {
            return s.indexOf(c, from);
        }
        for (int i = Math.max(from, 0), n = text.length(); i < n; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Offset of the first {@code needle} at or after {@code from}, or -1. Jumps between occurrences of
     * the needle's {@linkplain #anchor anchor char} with the vectorised char search and compares the
     * rest there, which beats the JDK's string search when the anchor is rare in prose.
     */
    public static int indexOf(CharSequence text, String needle, int from) {
        int k = anchor(needle);
        char c = needle.charAt(k);
        int last = text.length() - needle.length();
        int start = Math.max(from, 0);
        for (int at = indexOf(text, c, start + k); at >= 0 && at - k <= last; at = indexOf(text, c, at + 1)) {
            if (regionMatches(text, at - k, needle)) {
                return at - k;
            }
        }
        return -1;
    }

    /** Index of the needle char to search for: the first that is not a lower-case ASCII letter or a space. */
    static int anchor(String needle) {
        for (int i = 0; i < needle.length(); i++) {
            char c = needle.charAt(i);
            if (!AsciiChars.isLower(c) && c != ' ') {
                return i;
            }
        }
        return 0;
    }

    /** Whether {@code needle} occurs in {@code text} at {@code offset}, case-sensitively. */
    public static boolean regionMatches(CharSequence text, int offset, String needle) {
        if (offset < 0 || offset + needle.length() > text.length()) {
            return false;
        }
        for (int j = 0; j < needle.length(); j++) {
            if (text.charAt(offset + j) != needle.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    /** Like {@link #regionMatches} but ignoring ASCII case; {@code needleLower} must be lower-case. */
    public static boolean regionMatchesIgnoreCase(CharSequence text, int offset, String needleLower) {
        if (offset < 0 || offset + needleLower.length() > text.length()) {
            return false;
        }
        for (int j = 0; j < needleLower.length(); j++) {
            if (AsciiChars.fold(text.charAt(offset + j)) != needleLower.charAt(j)) {
                return false;
            }
        }
        return true;
    }
}
