package io.llmgateway.policy.sensitivity.pii;

/**
 * Address ranges that reveal internal network layout: RFC 1918 ({@code 10/8}, {@code 172.16/12},
 * {@code 192.168/16}), shared address space {@code 100.64/10}, link-local {@code 169.254/16};
 * IPv6 unique-local {@code fc00::/7}, link-local {@code fe80::/10}, site-local {@code fec0::/10}, and
 * IPv4-mapped forms ({@code ::ffff:10.0.0.1}) of the IPv4 ranges. Loopback and unspecified addresses reveal
 * nothing and are not private here.
 */
final class PrivateRanges {

    private PrivateRanges() {
    }

    static boolean isPrivateV4(byte[] b, int o) {
        int a = b[o] & 0xff;
        int c = b[o + 1] & 0xff;
        return a == 10
                || (a == 172 && c >= 16 && c <= 31)
                || (a == 192 && c == 168)
                || (a == 100 && c >= 64 && c <= 127)
                || (a == 169 && c == 254);
    }

    static boolean isPrivateV6(byte[] b) {
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        if ((b0 & 0xfe) == 0xfc || (b0 == 0xfe && (b1 & 0x80) == 0x80)) {
            return true;
        }
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        boolean mapped = (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        return mapped && isPrivateV4(b, 12);
    }
}
