package io.llmgateway.policy.sensitivity.pii;

import io.llmgateway.policy.sensitivity.text.AsciiChars;
import java.util.Arrays;

/** RFC 4291 text-form parser: hex groups, at most one {@code ::}, optional dotted IPv4 tail. */
final class Ipv6Parser {

    private Ipv6Parser() {
    }

    /**
     * Parses {@code text[start, end)} into 16 bytes; false if it is not an IPv6 address.
     *
     * @param groups scratch space for eight groups
     */
    static boolean parse(CharSequence text, int start, int end, byte[] out, int[] groups) {
        Arrays.fill(out, (byte) 0);
        int count = 0;
        int gap = -1;
        int i = start;
        if (end - start < 2) {
            return false;
        }
        if (text.charAt(i) == ':') {
            if (text.charAt(i + 1) != ':') {
                return false;
            }
            gap = 0;
            i += 2;
            if (i == end) {
                return true;
            }
        }
        while (i < end) {
            int groupStart = i;
            int value = 0;
            while (i < end && AsciiChars.isHexDigit(text.charAt(i)) && i - groupStart < 5) {
                value = (value << 4) | AsciiChars.hexValue(text.charAt(i));
                i++;
            }
            int len = i - groupStart;
            if (i < end && text.charAt(i) == '.') {
                if (count > 6 || !Ipv4Parser.parse(text, groupStart, end, out, 12)) {
                    return false;
                }
                groups[count++] = ((out[12] & 0xff) << 8) | (out[13] & 0xff);
                groups[count++] = ((out[14] & 0xff) << 8) | (out[15] & 0xff);
                i = end;
                break;
            }
            if (len == 0 || len > 4 || count == 8) {
                return false;
            }
            groups[count++] = value;
            if (i == end) {
                break;
            }
            if (text.charAt(i) != ':') {
                return false;
            }
            i++;
            if (i < end && text.charAt(i) == ':') {
                if (gap >= 0) {
                    return false;
                }
                gap = count;
                i++;
                if (i == end) {
                    break;
                }
            } else if (i == end) {
                return false;
            }
        }
        if (gap < 0 && count != 8 || gap >= 0 && count > 7) {
            return false;
        }
        int tail = gap < 0 ? 0 : count - gap;
        for (int g = 0; g < count; g++) {
            int slot = gap >= 0 && g >= gap ? 8 - tail + (g - gap) : g;
            out[2 * slot] = (byte) (groups[g] >> 8);
            out[2 * slot + 1] = (byte) groups[g];
        }
        return true;
    }
}
