package io.llmgateway.policy.sensitivity.pii;

import io.llmgateway.policy.sensitivity.FindingKind;
import io.llmgateway.policy.sensitivity.MatchSink;
import io.llmgateway.policy.sensitivity.text.DigitRun;
import io.llmgateway.policy.sensitivity.text.DigitRunDetector;

/**
 * {@code cn-mobile}: mainland China mobile numbers, 11 digits starting {@code 13}–{@code 19}, plain
 * or grouped ({@code 138-1234-5678}), optionally prefixed by {@code +86}, {@code 0086}, {@code 86}
 * or a trunk {@code 0}. Twelve-digit and longer numbers that merely contain such a number are not
 * matched.
 */
public final class MobileNumberDetector implements DigitRunDetector {

    public static final String ID = "cn-mobile";

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
        int a = 0;
        while (a < run.groups()) {
            int b = run.openLeft(a) ? run.firstWindow(a, 11, 15, MobileNumberDetector::isMobile) : -1;
            if (b >= 0) {
                int start = run.groupStart(a);
                if (start > 0 && text.charAt(start - 1) == '+') {
                    start--;
                }
                sink.match(ID, start, run.groupEnd(b));
                a = b + 1;
            } else {
                a++;
            }
        }
    }

    /** Whether {@code n} digits are a mobile number, bare or with a country/trunk prefix. */
    static boolean isMobile(int[] d, int n) {
        int core = switch (n) {
            case 11 -> 0;
            case 12 -> d[0] == 0 ? 1 : -1;
            case 13 -> d[0] == 8 && d[1] == 6 ? 2 : -1;
            case 15 -> d[0] == 0 && d[1] == 0 && d[2] == 8 && d[3] == 6 ? 4 : -1;
            default -> -1;
        };
        return core >= 0 && d[core] == 1 && d[core + 1] >= 3;
    }
}
