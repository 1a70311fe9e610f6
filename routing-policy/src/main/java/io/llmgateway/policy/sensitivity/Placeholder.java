package io.llmgateway.policy.sensitivity;

import java.util.Locale;

/**
 * Placeholder syntax: {@code [[LABEL_n]]}, the label being the upper-cased detector id with
 * {@code -} as {@code _} ({@code [[EMAIL_1]]}, {@code [[SECRET_OPENAI_2]]}).
 */
final class Placeholder {

    static final String OPEN = "[[";
    static final String CLOSE = "]]";
    /** Longest placeholder the restorers look for; longer bracketed text is passed through. */
    static final int MAX_LENGTH = 96;

    private Placeholder() {
    }

    static String label(String detectorId) {
        return detectorId.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    static String of(String label, int n) {
        return OPEN + label + "_" + n + CLOSE;
    }

    static boolean isNameChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /**
     * End (exclusive) of a complete placeholder starting at {@code i} (which holds {@code [[}), -1 if
     * the text there is certainly no placeholder, or -2 if the text ends before it could be decided.
     */
    static int endAt(CharSequence text, int i) {
        int n = text.length();
        int k = i + OPEN.length();
        while (k < n && isNameChar(text.charAt(k)) && k - i < MAX_LENGTH) {
            k++;
        }
        if (k >= n) {
            return k - i < MAX_LENGTH ? -2 : -1;
        }
        if (text.charAt(k) != ']' || k == i + OPEN.length()) {
            return -1;
        }
        if (k + 1 >= n) {
            return -2;
        }
        return text.charAt(k + 1) == ']' ? k + 2 : -1;
    }
}
