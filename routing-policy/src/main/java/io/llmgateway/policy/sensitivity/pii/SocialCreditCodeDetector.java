package io.llmgateway.policy.sensitivity.pii;

import io.llmgateway.policy.sensitivity.Detector;
import io.llmgateway.policy.sensitivity.FindingKind;
import io.llmgateway.policy.sensitivity.MatchSink;
import io.llmgateway.policy.sensitivity.text.AsciiChars;

/**
 * {@code cn-uscc}: unified social credit codes of PRC organisations, as a whole 18-char ASCII word
 * that passes {@link SocialCreditCode#isValid}. An all-digit word that is a valid resident id is
 * left to {@code cn-id}.
 */
public final class SocialCreditCodeDetector implements Detector {

    public static final String ID = "cn-uscc";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public FindingKind kind() {
        return FindingKind.PII;
    }

    @Override
    public void scan(CharSequence text, MatchSink sink) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!AsciiChars.isWordChar(text.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            boolean digitsOnly = true;
            while (end < n && AsciiChars.isWordChar(text.charAt(end))) {
                digitsOnly &= AsciiChars.isDigit(text.charAt(end));
                end++;
            }
            if (end - i == 18 && SocialCreditCode.isValid(text, i)
                    && !(digitsOnly && ResidentIdNumber.isValid(text.subSequence(i, end)))) {
                sink.match(ID, i, end);
            }
            i = end;
        }
    }
}
