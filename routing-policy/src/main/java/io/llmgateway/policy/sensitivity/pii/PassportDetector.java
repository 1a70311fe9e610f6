package io.llmgateway.policy.sensitivity.pii;

import io.llmgateway.policy.sensitivity.Detector;
import io.llmgateway.policy.sensitivity.FindingKind;
import io.llmgateway.policy.sensitivity.MatchSink;
import io.llmgateway.policy.sensitivity.text.AsciiChars;
import io.llmgateway.policy.sensitivity.text.ScanText;
import io.llmgateway.policy.sensitivity.text.TextSearch;

/**
 * {@code passport}: passport and travel-permit numbers where they are unambiguous: an ASCII word of
 * 0–2 upper-case letters and 6–9 digits (8–10 chars, e.g. {@code E12345678}, {@code EA1234567},
 * {@code C12345678}) that follows, within 32 chars, a word naming the document (护照, 通行证, 旅行证,
 * passport). Without that word such a token is as likely a part or order number.
 */
public final class PassportDetector implements Detector {

    public static final String ID = "passport";
    private static final int CONTEXT_CHARS = 32;
    private static final String[] CONTEXT = {"护照", "通行证", "旅行证", "passport"};

    @Override
    public String id() {
        return ID;
    }

    @Override
    public FindingKind kind() {
        return FindingKind.PII;
    }

    @Override
    public void scan(CharSequence input, MatchSink sink) {
        ScanText text = ScanText.of(input);
        int[] next = new int[CONTEXT.length];
        java.util.Arrays.fill(next, -2);
        int from = 0;
        while (true) {
            int context = nextContext(text, from, next);
            if (context < 0) {
                return;
            }
            int windowEnd = Math.min(text.length(), context + CONTEXT_CHARS);
            int i = context;
            while (i < windowEnd) {
                if (!AsciiChars.isWordChar(text.charAt(i)) || (i > 0 && AsciiChars.isWordChar(text.charAt(i - 1)))) {
                    i++;
                    continue;
                }
                int end = i;
                while (end < text.length() && AsciiChars.isWordChar(text.charAt(end))) {
                    end++;
                }
                if (isNumberShape(text, i, end)) {
                    sink.match(ID, i, end);
                }
                i = end;
            }
            from = Math.max(i, context);
        }
    }

    /**
     * End of the nearest document word at or after {@code from}, or -1. {@code next} caches each
     * word's next occurrence so every word is searched for once per pass (-2: not searched yet).
     */
    private static int nextContext(CharSequence text, int from, int[] next) {
        int best = -1;
        for (int w = 0; w < CONTEXT.length; w++) {
            if (next[w] != -1 && next[w] < from) {
                next[w] = find(text, CONTEXT[w], from);
            }
            if (next[w] >= 0) {
                int end = next[w] + CONTEXT[w].length();
                best = best < 0 ? end : Math.min(best, end);
            }
        }
        return best;
    }

    /**
     * Next occurrence of a context word, ignoring ASCII case: a CJK word is searched as it is, an
     * ASCII one by jumping between its first letter in either case.
     */
    private static int find(CharSequence text, String word, int from) {
        if (word.charAt(0) >= 128) {
            return TextSearch.indexOf(text, word, from);
        }
        int last = text.length() - word.length();
        char lower = word.charAt(0);
        char upper = (char) (lower - ('a' - 'A'));
        int nextLower = TextSearch.indexOf(text, lower, from);
        int nextUpper = TextSearch.indexOf(text, upper, from);
        while (nextLower >= 0 || nextUpper >= 0) {
            boolean isLower = nextUpper < 0 || (nextLower >= 0 && nextLower < nextUpper);
            int at = isLower ? nextLower : nextUpper;
            if (at > last) {
                return -1;
            }
            if (TextSearch.regionMatchesIgnoreCase(text, at, word)) {
                return at;
            }
            if (isLower) {
                nextLower = TextSearch.indexOf(text, lower, at + 1);
            } else {
                nextUpper = TextSearch.indexOf(text, upper, at + 1);
            }
        }
        return -1;
    }

    static boolean isNumberShape(CharSequence text, int start, int end) {
        int len = end - start;
        if (len < 8 || len > 10) {
            return false;
        }
        int letters = 0;
        while (letters < len && AsciiChars.isUpper(text.charAt(start + letters))) {
            letters++;
        }
        if (letters > 2) {
            return false;
        }
        for (int i = start + letters; i < end; i++) {
            if (!AsciiChars.isDigit(text.charAt(i))) {
                return false;
            }
        }
        int digits = len - letters;
        return digits >= 6 && digits <= 9;
    }
}
