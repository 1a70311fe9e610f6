package io.llmgateway.policy.sensitivity.financial;

/** The Luhn (mod 10) check used by payment card numbers. */
public final class Luhn {

    private Luhn() {
    }

    /** Whether the first {@code n} digit values of {@code d} pass the Luhn check. */
    public static boolean isValid(int[] d, int n) {
        int sum = 0;
        boolean twice = false;
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
        return sum % 10 == 0;
    }

    /** The check digit that makes {@code payload} followed by it Luhn-valid. */
    public static int checkDigit(int[] payload, int n) {
        int sum = 0;
        boolean twice = true;
        for (int i = n - 1; i >= 0; i--) {
            int v = payload[i];
            if (twice) {
                v *= 2;
                if (v > 9) {
                    v -= 9;
                }
            }
            sum += v;
            twice = !twice;
        }
        return (10 - sum % 10) % 10;
    }
}
