package io.llmgateway.policy.sensitivity.pii;

import io.llmgateway.policy.sensitivity.FindingKind;
import io.llmgateway.policy.sensitivity.MatchSink;
import io.llmgateway.policy.sensitivity.text.DigitRun;
import io.llmgateway.policy.sensitivity.text.DigitRunDetector;

/**
 * {@code cn-id}: PRC resident identity numbers, 18 chars with a valid GB 11643 check char (or the
 * legacy 15 digits), a province prefix and a real birth date; plain or grouped with spaces/hyphens
 * ({@code 1101 0119 9001 0112 37}), not glued to letters or other digits.
 */
public final class ResidentIdDetector implements DigitRunDetector {

    public static final String ID = "cn-id";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public FindingKind kind() {
        return FindingKind.PII;
    }

    @Override
    public void scanRun(CharSequence text, DigitRun run, MatchSink sink) {
        int[] digits = run.scratch();
        int a = 0;
        while (a < run.groups()) {
            int b = run.openLeft(a) ? matchFrom(text, run, a, digits) : -1;
            if (b >= 0) {
                boolean x = b == run.groups() - 1 && run.trailingX() && run.digits(a, b) == 17;
                sink.match(ID, run.groupStart(a), run.groupEnd(b) + (x ? 1 : 0));
                a = b + 1;
            } else {
                a++;
            }
        }
    }

    /** Last group of a valid id starting at group {@code a}, or -1. */
    private static int matchFrom(CharSequence text, DigitRun run, int a, int[] digits) {
        int last = run.groups() - 1;
        for (int b = a, bound = run.lastGroupFrom(a); b <= bound; b++) {
            int n = run.digits(a, b);
            if (n > 18) {
                return -1;
            }
            boolean withX = b == last && run.trailingX() && n == 17;
            if (!(n == 18 || n == 15 || withX)) {
                continue;
            }
            if (!withX && !run.openRight(b)) {
                continue;
            }
            if (withX && run.openRight(b) && isValid(text, run, a, b, digits, true)) {
                return b;
            }
            if (!withX && isValid(text, run, a, b, digits, false)) {
                return b;
            }
        }
        return -1;
    }

    private static boolean isValid(CharSequence text, DigitRun run, int a, int b, int[] digits, boolean withX) {
        int n = run.copyDigits(a, b, digits);
        if (withX) {
            digits[17] = 10;
            return ResidentIdNumber.isValid18(digits);
        }
        return n == 18 ? ResidentIdNumber.isValid18(digits) : ResidentIdNumber.isValid15(digits);
    }
}
