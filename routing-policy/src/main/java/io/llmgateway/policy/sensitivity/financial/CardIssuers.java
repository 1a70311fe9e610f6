package io.llmgateway.policy.sensitivity.financial;

/**
 * Issuer prefixes (IIN ranges) and the card lengths each issues: UATP 1 (15), Mastercard 2221–2720
 * and 51–55 (16), Amex 34/37 (15), JCB 3528–3589 (16–19), Diners 30/36/38/39 (14–19), Visa 4
 * (13, 16, 19), Maestro 50/56–69 (12–19), Discover 6011/644–649/65 and UnionPay 62 (16–19). A number
 * starting 0, 7, 8 or 9 is no payment card.
 */
final class CardIssuers {

    private CardIssuers() {
    }

    static boolean isIssued(int[] d, int n) {
        int p2 = d[0] * 10 + d[1];
        int p4 = p2 * 100 + d[2] * 10 + d[3];
        return switch (d[0]) {
            case 1 -> n == 15;
            case 2 -> p4 >= 2221 && p4 <= 2720 && n == 16;
            case 3 -> diners(p2, p4, n);
            case 4 -> n == 13 || n == 16 || n == 19;
            case 5 -> (p2 >= 51 && p2 <= 55) ? n == 16 : n >= 12;
            case 6 -> (p4 == 6011 || p2 == 62 || p2 == 65 || (p4 >= 6440 && p4 <= 6499)) ? n >= 16 : n >= 12;
            default -> false;
        };
    }

    private static boolean diners(int p2, int p4, int n) {
        if (p2 == 34 || p2 == 37) {
            return n == 15;
        }
        if (p4 >= 3528 && p4 <= 3589) {
            return n >= 16;
        }
        if (p2 == 30 || p2 == 36 || p2 == 38 || p2 == 39) {
            return n >= 14;
        }
        return false;
    }
}
