package io.llmgateway.policy.sensitivity.financial;

import io.llmgateway.policy.sensitivity.FindingKind;
import io.llmgateway.policy.sensitivity.MatchSink;
import io.llmgateway.policy.sensitivity.pii.ResidentIdNumber;
import io.llmgateway.policy.sensitivity.text.DigitRun;
import io.llmgateway.policy.sensitivity.text.DigitRunDetector;

/**
 * {@code bank-card}: payment card numbers of 12–19 digits, plain or grouped with spaces or hyphens
 * ({@code 4111 1111 1111 1111}), that pass the Luhn check and fit an issuer's prefix and length
 * ({@link CardIssuers}), not glued to letters or other digits. A number that is also a valid
 * resident id is left to {@code cn-id}.
 */
public final class BankCardDetector implements DigitRunDetector {

    public static final String ID = "bank-card";
    private static final int MIN = 12;
    private static final int MAX = 19;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public FindingKind kind() {
        return FindingKind.FINANCIAL;
    }

    @Override
    public void scanRun(CharSequence text, DigitRun run, MatchSink sink) {
        int[] digits = run.scratch();
        int a = 0;
        while (a < run.groups()) {
            int b = run.openLeft(a) ? matchFrom(text, run, a, digits) : -1;
            if (b >= 0) {
                sink.match(ID, run.groupStart(a), run.groupEnd(b));
                a = b + 1;
            } else {
                a++;
            }
        }
    }

    /** Last group of the longest valid card number starting at group {@code a}, or -1. */
    private static int matchFrom(CharSequence text, DigitRun run, int a, int[] digits) {
        int found = -1;
        for (int b = a, last = run.lastGroupFrom(a); b <= last; b++) {
            int n = run.digits(a, b);
            if (n > MAX) {
                break;
            }
            if (n >= MIN && run.openRight(b)) {
                run.copyDigits(a, b, digits);
                if (isCardNumber(digits, n)) {
                    found = b;
                }
            }
        }
        return found;
    }

    static boolean isCardNumber(int[] d, int n) {
        if (!CardIssuers.isIssued(d, n) || !Luhn.isValid(d, n)) {
            return false;
        }
        return !(n == 18 && ResidentIdNumber.isValid18(d)) && !(n == 15 && ResidentIdNumber.isValid15(d));
    }
}
