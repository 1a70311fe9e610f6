package io.llmgateway.policy.sensitivity.pii;

import io.llmgateway.policy.sensitivity.text.AsciiChars;
import io.llmgateway.policy.sensitivity.text.TextSearch;

/**
 * Finds IPv4 and IPv6 addresses as whole tokens, looking only around each {@code .} and {@code :}
 * (found with the JDK's vectorised search): a maximal run of {@code [0-9A-Fa-f:.]} not glued to
 * a word, parsed strictly (four decimal octets up to 255; at most eight hex groups of up to four
 * digits, one {@code ::}, an optional dotted IPv4 tail, an optional {@code %zone}). An IPv4 address
 * followed by {@code :port} is still found. Reports each address with its range class.
 */
public final class IpAddressScanner {

    private static final int MAX_RUN = 64;

    /** Receives each address. */
    @FunctionalInterface
    public interface AddressHandler {
        void onAddress(int start, int end, boolean privateRange);
    }

    private IpAddressScanner() {
    }

    public static void scan(CharSequence text, AddressHandler handler) {
        int n = text.length();
        byte[] bytes = new byte[16];
        int[] groups = new int[8];
        int from = 0;
        int dot = -2;
        int colon = -2;
        while (from < n) {
            if (dot != -1 && dot < from) {
                dot = TextSearch.indexOf(text, '.', from);
            }
            if (colon != -1 && colon < from) {
                colon = TextSearch.indexOf(text, ':', from);
            }
            int sep = dot < 0 ? colon : colon < 0 ? dot : Math.min(dot, colon);
            if (sep < 0) {
                return;
            }
            int start = sep;
            while (start > from && isRunChar(text.charAt(start - 1))) {
                start--;
            }
            int end = sep + 1;
            while (end < n && isRunChar(text.charAt(end))) {
                end++;
            }
            from = end;
            if (end - start <= MAX_RUN && end - start >= 2
                    && !(start > 0 && AsciiChars.isWordChar(text.charAt(start - 1)))) {
                parseRun(text, start, end, bytes, groups, handler);
            }
        }
    }

    private static void parseRun(CharSequence text, int start, int end, byte[] bytes, int[] groups, AddressHandler handler) {
        int stop = end;
        if (text.charAt(stop - 1) == '.') {
            stop--;
        }
        int addressEnd = -1;
        boolean v6 = false;
        if (Ipv6Parser.parse(text, start, stop, bytes, groups)) {
            addressEnd = zoneEnd(text, stop);
            v6 = true;
        } else if (Ipv4Parser.parse(text, start, stop, bytes, 0)) {
            addressEnd = stop;
        } else {
            int colon = indexOf(text, ':', start, stop);
            if (colon > 0 && Ipv4Parser.parse(text, start, colon, bytes, 0) && isPort(text, colon + 1, stop)) {
                addressEnd = colon;
            }
        }
        if (addressEnd < 0) {
            return;
        }
        int boundary = Math.max(addressEnd, stop);
        if (boundary < text.length() && AsciiChars.isWordChar(text.charAt(boundary))) {
            return;
        }
        handler.onAddress(start, addressEnd, v6 ? PrivateRanges.isPrivateV6(bytes) : PrivateRanges.isPrivateV4(bytes, 0));
    }

    private static boolean isRunChar(char c) {
        return AsciiChars.isHexDigit(c) || c == ':' || c == '.';
    }

    private static int zoneEnd(CharSequence text, int i) {
        if (i + 1 < text.length() && text.charAt(i) == '%' && AsciiChars.isWordChar(text.charAt(i + 1))) {
            int k = i + 1;
            while (k < text.length() && AsciiChars.isWordChar(text.charAt(k)) && k - i < 16) {
                k++;
            }
            return k;
        }
        return i;
    }

    private static boolean isPort(CharSequence text, int from, int to) {
        if (to - from < 1 || to - from > 5) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!AsciiChars.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(CharSequence text, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }
}
