package io.llmgateway.sim.internal.text;

import java.util.ArrayList;
import java.util.List;

/** Splits text into token-sized fragments (runs of letters/digits, of spaces, of punctuation; at most 6 chars). */
public final class TextFragments {
    private static final int MAX = 6;

    private TextFragments() {
    }

    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || i - start >= MAX || kind(text.charAt(i)) != kind(text.charAt(start))) {
                out.add(text.substring(start, i));
                start = i;
            }
        }
        return out;
    }

    private static int kind(char c) {
        return Character.isLetterOrDigit(c) ? 0 : Character.isWhitespace(c) ? 1 : 2;
    }
}
