package io.llmgateway.policy.sensitivity.pii;

import io.llmgateway.policy.sensitivity.Detector;
import io.llmgateway.policy.sensitivity.FindingKind;
import io.llmgateway.policy.sensitivity.MatchSink;
import io.llmgateway.policy.sensitivity.text.AsciiChars;
import io.llmgateway.policy.sensitivity.text.DigitSequences;
import io.llmgateway.policy.sensitivity.text.ScanText;

/**
 * {@code cn-uscc}: unified social credit codes of PRC organisations, as a whole 18-char ASCII word
 * that passes {@link SocialCreditCode#isValid}. An all-digit word that is a valid resident id is
 * left to {@code cn-id}.
 */
public final class SocialCreditCodeDetector implements Detector {

    public static final String ID = "cn-uscc";
    /** Digits of the region code (offsets 2–7). */
    private static final int REGION_DIGITS = 6;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public FindingKind kind() {
        return FindingKind.PII;
    }

    /**
     * A valid code has digits at offsets 2–7, so only the words around digit sequences of six or more
     * are looked at, each word once.
     */
    @Override
    public void scan(CharSequence text, MatchSink sink) {
        ScanText t = ScanText.of(text);
        DigitSequences digits = DigitSequences.of(t);
        char[] c = t.array();
        int wordEnd = 0;
        for (int k = 0; k < digits.count(); k++) {
            int s = digits.start(k);
            if (s < wordEnd || digits.end(k) - s < REGION_DIGITS) {
                continue;
            }
            int start = s;
            while (start > 0 && AsciiChars.isWordChar(c[start - 1])) {
                start--;
            }
            wordEnd = digits.end(k);
            while (wordEnd < c.length && AsciiChars.isWordChar(c[wordEnd])) {
                wordEnd++;
            }
            if (wordEnd - start == 18 && SocialCreditCode.isValid(t, start)
                    && !(isDigits(c, start, wordEnd) && ResidentIdNumber.isValid(t.subSequence(start, wordEnd)))) {
                sink.match(ID, start, wordEnd);
            }
        }
    }

    private static boolean isDigits(char[] c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!AsciiChars.isDigit(c[i])) {
                return false;
            }
        }
        return true;
    }
}
