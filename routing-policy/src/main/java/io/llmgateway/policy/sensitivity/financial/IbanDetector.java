package io.llmgateway.policy.sensitivity.financial;

import io.llmgateway.policy.sensitivity.Detector;
import io.llmgateway.policy.sensitivity.FindingKind;
import io.llmgateway.policy.sensitivity.MatchSink;
import io.llmgateway.policy.sensitivity.text.AsciiChars;
import io.llmgateway.policy.sensitivity.text.DigitSequences;
import io.llmgateway.policy.sensitivity.text.ScanText;

/**
 * {@code iban}: International Bank Account Numbers: a country code with a registered length, two
 * check digits, an upper-case alphanumeric BBAN, written plain or in groups of four separated by
 * single spaces or hyphens, passing the ISO 7064 MOD 97-10 check, and not glued to a following word char.
 */
public final class IbanDetector implements Detector {

    public static final String ID = "iban";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public FindingKind kind() {
        return FindingKind.FINANCIAL;
    }

    /**
     * An IBAN starts with two capitals and two digits, so the candidates are the text's digit
     * sequences that follow two capitals; they are tried in order, and one found skips the rest of it.
     */
    @Override
    public void scan(CharSequence text, MatchSink sink) {
        ScanText t = ScanText.of(text);
        DigitSequences digits = DigitSequences.of(t);
        int n = t.length();
        int from = 0;
        for (int k = 0; k < digits.count(); k++) {
            int i = digits.start(k) - 2;
            if (i < from || i + 4 >= n || !isStart(t, i)) {
                continue;
            }
            int end = match(t, i);
            if (end > 0) {
                sink.match(ID, i, end);
                from = end;
            }
        }
    }

    private static boolean isStart(CharSequence text, int i) {
        return AsciiChars.isUpper(text.charAt(i)) && AsciiChars.isUpper(text.charAt(i + 1))
                && AsciiChars.isDigit(text.charAt(i + 2)) && AsciiChars.isDigit(text.charAt(i + 3))
                && (i == 0 || !AsciiChars.isWordChar(text.charAt(i - 1)));
    }

    /** End of a valid IBAN starting at {@code start}, or -1. */
    private static int match(CharSequence text, int start) {
        int length = IbanCountries.length(text.charAt(start), text.charAt(start + 1));
        if (length == 0) {
            return -1;
        }
        int n = text.length();
        int i = start;
        int count = 0;
        while (count < length) {
            if (i >= n) {
                return -1;
            }
            char c = text.charAt(i);
            if ((c == ' ' || c == '-') && count % 4 == 0 && count > 0 && i + 1 < n && isAlnum(text.charAt(i - 1))) {
                i++;
                continue;
            }
            if (!AsciiChars.isDigit(c) && !AsciiChars.isUpper(c)) {
                return -1;
            }
            count++;
            i++;
        }
        if (i < n && AsciiChars.isWordChar(text.charAt(i))) {
            return -1;
        }
        return mod97(text, start, i) == 1 ? i : -1;
    }

    private static boolean isAlnum(char c) {
        return AsciiChars.isAlnum(c);
    }

    /** MOD 97 of the IBAN rearranged (first four chars moved to the end, letters as 10–35). */
    static int mod97(CharSequence text, int start, int end) {
        int remainder = feed(text, start, end, 4, Integer.MAX_VALUE, 0);
        return feed(text, start, end, 0, 4, remainder);
    }

    /** Folds the non-space chars with index {@code [from, to)} into a running MOD 97 remainder. */
    private static int feed(CharSequence text, int start, int end, int from, int to, int remainder) {
        int seen = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '-') {
                continue;
            }
            if (seen >= from && seen < to) {
                remainder = AsciiChars.isDigit(c)
                        ? (remainder * 10 + (c - '0')) % 97
                        : (remainder * 100 + (c - 'A' + 10)) % 97;
            }
            seen++;
        }
        return remainder;
    }
}
