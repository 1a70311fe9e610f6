package io.llmgateway.policy.sensitivity.financial;

/** The Luhn (mod 10) check used by payment card numbers. */
public final class Luhn {

    private Luhn() {
    }

    /** Whether the first {@code n} digit values of {@code d} pass the Luhn check. */
    public static boolean isValid(int[] d, int n) {
        return sum(d, n, false) % 10 == 0;
    }

    /** The check digit that makes {@code payload} followed by it Luhn-valid. */
    public static int checkDigit(int[] payload, int n) {
        // the check digit takes the rightmost, undoubled place, so the payload's last digit is doubled
        return (10 - sum(payload, n, true) % 10) % 10;
    }

    /** The Luhn sum of {@code d[0..n-1]}, from the right, doubling every other digit starting with the last one if {@code doubleLast}. */
    private static int sum(int[] d, int n, boolean doubleLast) {
        int sum = 0;
        boolean twice = doubleLast;
        for (int i = n - 1; i >= 0; i--) {
            int v = d[i];
            if (twice) {
                v *= 2;
                if (v > 9) {
                    v -= 9;
                }
            }
            sum += v;
            twice = !twice;
        }
        return sum;
    }
}
