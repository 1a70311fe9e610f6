package io.llmgateway.policy.sensitivity.text;

/**
 * Forward search in a {@link CharSequence}, using the JDK's vectorised {@link String#indexOf} when the
 * text is a {@code String} (the classifier always passes one).
 */
public final class TextSearch {

    private TextSearch() {
    }

    public static int indexOf(CharSequence text, char c, int from) {
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

    public static int indexOf(CharSequence text, String needle, int from) {
        if (text instanceof String s) {
            return s.indexOf(needle, from);
        }
        int last = text.length() - needle.length();
        for (int i = Math.max(from, 0); i <= last; i++) {
            if (regionMatches(text, i, needle)) {
                return i;
            }
        }
        return -1;
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
