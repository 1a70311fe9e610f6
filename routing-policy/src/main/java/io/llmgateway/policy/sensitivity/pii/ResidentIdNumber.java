package io.llmgateway.policy.sensitivity.pii;

/**
 * Validation of a PRC resident identity number (GB 11643-1999): a province prefix, a valid birth
 * date and, for the 18-digit form, the ISO 7064 MOD 11-2 check char. The legacy 15-digit form has
 * no check char (year {@code 19YY}).
 */
public final class ResidentIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    /** Check value for {@code sum % 11}; 10 stands for {@code X}. */
    private static final int[] CHECK = {1, 0, 10, 9, 8, 7, 6, 5, 4, 3, 2};

    private ResidentIdNumber() {
    }

    /**
     * Validates 18 values: 17 digits followed by the check value (0–9, or 10 for {@code X}).
     */
    public static boolean isValid18(int[] d) {
        if (!isProvince(d[0] * 10 + d[1])) {
            return false;
        }
        int year = d[6] * 1000 + d[7] * 100 + d[8] * 10 + d[9];
        if (year < 1900 || year > 2099 || !isDate(year, d[10] * 10 + d[11], d[12] * 10 + d[13])) {
            return false;
        }
        return d[17] == checkValue(d);
    }

    /** Validates 15 digits of the legacy form (no check char). */
    public static boolean isValid15(int[] d) {
        if (!isProvince(d[0] * 10 + d[1])) {
            return false;
        }
        return isDate(1900 + d[6] * 10 + d[7], d[8] * 10 + d[9], d[10] * 10 + d[11]);
    }

    /** The check value (0–10, 10 meaning {@code X}) for the first 17 digits of {@code d}. */
    public static int checkValue(int[] d) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += d[i] * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** Validates a whole string: 18 chars (last may be {@code X}/{@code x}) or 15 digits. */
    public static boolean isValid(CharSequence s) {
        int n = s.length();
        if (n != 18 && n != 15) {
            return false;
        }
        int[] d = new int[18];
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                d[i] = c - '0';
            } else if (i == 17 && (c == 'X' || c == 'x')) {
                d[i] = 10;
            } else {
                return false;
            }
        }
        return n == 18 ? isValid18(d) : isValid15(d);
    }

    /**
     * Province-level codes of GB/T 2260 (11–15, 21–23, 31–37, 41–46, 50–54, 61–65), Taiwan 71,
     * Hong Kong 81, Macau 82 and 83 (residence permits of Taiwan residents).
     */
    static boolean isProvince(int p) {
        return (p >= 11 && p <= 15) || (p >= 21 && p <= 23) || (p >= 31 && p <= 37) || (p >= 41 && p <= 46)
                || (p >= 50 && p <= 54) || (p >= 61 && p <= 65) || p == 71 || (p >= 81 && p <= 83);
    }

    static boolean isDate(int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1) {
            return false;
        }
        int days = switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
        return day <= days;
    }
}
