package io.llmgateway.policy.sensitivity.pii;

import io.llmgateway.policy.sensitivity.text.AsciiChars;

/** Strict dotted-quad parser: exactly four decimal octets of 1–3 digits, each at most 255. */
final class Ipv4Parser {

    private Ipv4Parser() {
    }

    /** Parses {@code text[start, end)} into {@code out[offset..offset+3]}; false if it is not an IPv4 address. */
    static boolean parse(CharSequence text, int start, int end, byte[] out, int offset) {
        int part = 0;
        int i = start;
        while (part < 4) {
            int value = 0;
            int digits = 0;
            while (i < end && AsciiChars.isDigit(text.charAt(i)) && digits < 4) {
                value = value * 10 + (text.charAt(i) - '0');
                digits++;
                i++;
            }
            if (digits == 0 || digits > 3 || value > 255) {
                return false;
            }
            out[offset + part] = (byte) value;
            part++;
            if (part < 4) {
                if (i >= end || text.charAt(i) != '.') {
                    return false;
                }
                i++;
            }
        }
        return i == end;
    }
}
