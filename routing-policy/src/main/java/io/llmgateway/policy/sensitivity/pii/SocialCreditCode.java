package io.llmgateway.policy.sensitivity.pii;

/**
 * Validation of a PRC unified social credit code (GB 32100-2015): 18 chars over the 31-symbol
 * alphabet (no I, O, S, V, Z), a six-digit region code with a province prefix, an embedded
 * organisation code with its GB 11714 check char, and the final MOD 31 check char.
 */
public final class SocialCreditCode {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private SocialCreditCode() {
    }

    /** Whether {@code text[start, start + 18)} is a valid code. */
    public static boolean isValid(CharSequence text, int start) {
        if (start + 18 > text.length()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(text.charAt(start + i));
            if (v < 0 || (i >= 2 && i < 8 && v > 9)) {
                return false;
            }
            sum += v * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        if (ALPHABET.charAt(check) != text.charAt(start + 17)) {
            return false;
        }
        int province = (text.charAt(start + 2) - '0') * 10 + (text.charAt(start + 3) - '0');
        if (province != 10 && !ResidentIdNumber.isProvince(province)) {
            return false;
        }
        return isOrganisationCode(text, start + 8);
    }

    /** GB 11714: eight body chars and a check char (0–9 or X). */
    static boolean isOrganisationCode(CharSequence text, int start) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = text.charAt(start + i);
            int v = c <= '9' ? c - '0' : c - 'A' + 10;
            sum += v * ORG_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        char expected = check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
        return text.charAt(start + 8) == expected;
    }
}
