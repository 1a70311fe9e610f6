package io.llmgateway.policy.sensitivity.pii;

import io.llmgateway.policy.sensitivity.FindingKind;
import io.llmgateway.policy.sensitivity.MatchSink;
import io.llmgateway.policy.sensitivity.text.DigitRun;
import io.llmgateway.policy.sensitivity.text.DigitRunDetector;

/**
 * {@code cn-landline}: mainland China fixed-line numbers with an area code: {@code 010}/{@code 02x}
 * or a four-digit {@code 0[3-9]xx} code (optionally in parentheses, or after {@code +86} without the
 * trunk 0), then a 7–8 digit local number starting 2–9, then an optional 1–4 digit extension. A bare
 * 7–8 digit number is not matched: without an area code it cannot be told from any other number.
 */
public final class LandlineNumberDetector implements DigitRunDetector {

    public static final String ID = "cn-landline";

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
        int parenthesisedCode = areaCodeInParentheses(text, run.groupStart(0));
        int a = 0;
        while (a < run.groups()) {
            int b = -1;
            int start = run.groupStart(a);
            if (a == 0 && parenthesisedCode > 0) {
                b = run.firstWindow(0, 7, 8, (d, n) -> d[0] >= 2); // the local number after (0xx)
                start -= parenthesisedCode;
            } else if (run.openLeft(a)) {
                b = run.firstWindow(a, 10, 16, LandlineNumberDetector::isNumberWithAreaCode);
                if (b >= 0 && start > 0 && text.charAt(start - 1) == '+') {
                    start--;
                }
            }
            if (b >= 0) {
                b = withExtension(text, run, b);
                sink.match(ID, start, run.groupEnd(b));
                a = b + 1;
            } else {
                a++;
            }
        }
    }

    static boolean isNumberWithAreaCode(int[] d, int n) {
        if (n >= 11 && d[0] == 8 && d[1] == 6 && d[2] != 0) {
            int code = codeLength(d, 2, false);
            return code > 0 && isLocal(d, 2 + code, n);
        }
        if (d[0] != 0) {
            return false;
        }
        int code = codeLength(d, 0, true);
        return code > 0 && isLocal(d, code, n);
    }

    /** Length of the area code at {@code d[i]} (with or without its trunk 0), or 0. */
    private static int codeLength(int[] d, int i, boolean withTrunk) {
        int first = withTrunk ? d[i + 1] : d[i];
        int base = withTrunk ? 1 : 0;
        if (first == 1) {
            return d[i + base + 1] == 0 ? base + 2 : 0;
        }
        if (first == 2) {
            return base + 2;
        }
        return first >= 3 ? base + 3 : 0;
    }

    private static boolean isLocal(int[] d, int from, int n) {
        int len = n - from;
        return (len == 7 || len == 8) && d[from] >= 2;
    }

    /** Extends the match over a following {@code -1234} extension group. */
    private static int withExtension(CharSequence text, DigitRun run, int b) {
        if (b + 1 < run.groups()) {
            int ext = run.groupEnd(b + 1) - run.groupStart(b + 1);
            if (ext <= 4 && text.charAt(run.groupStart(b + 1) - 1) == '-' && run.openRight(b + 1)) {
                return b + 1;
            }
        }
        return b;
    }

    /** Chars of a {@code (010)} / {@code (0755)} prefix (incl. one space) ending right before {@code i}, or 0. */
    private static int areaCodeInParentheses(CharSequence text, int i) {
        int k = i;
        if (k > 0 && text.charAt(k - 1) == ' ') {
            k--;
        }
        if (k < 5 || text.charAt(k - 1) != ')') {
            return 0;
        }
        int close = k - 1;
        int open = close - 1;
        while (open >= 0 && open >= close - 5 && text.charAt(open) >= '0' && text.charAt(open) <= '9') {
            open--;
        }
        int len = close - open - 1;
        if (open < 0 || text.charAt(open) != '(' || len < 3 || len > 4 || text.charAt(open + 1) != '0') {
            return 0;
        }
        int[] d = new int[4];
        for (int j = 0; j < len; j++) {
            d[j] = text.charAt(open + 1 + j) - '0';
        }
        return codeLength(d, 0, true) == len ? i - open : 0;
    }
}
