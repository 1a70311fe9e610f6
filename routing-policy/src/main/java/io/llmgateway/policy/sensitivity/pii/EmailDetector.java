package io.llmgateway.policy.sensitivity.pii;

import io.llmgateway.policy.sensitivity.Detector;
import io.llmgateway.policy.sensitivity.FindingKind;
import io.llmgateway.policy.sensitivity.MatchSink;
import io.llmgateway.policy.sensitivity.text.AsciiChars;
import io.llmgateway.policy.sensitivity.text.TextSearch;
import java.util.Set;

/**
 * {@code email}: addresses found from each {@code @}: a local part of up to 64 chars of
 * {@code [A-Za-z0-9._%+-]} (no leading, trailing or double dot), a domain of at least two labels
 * of {@code [A-Za-z0-9-]} (no leading or trailing hyphen) and a top-level label of two or more
 * letters or an IDN {@code xn--} label. Image names such as {@code icon@2x.png} are not addresses.
 */
public final class EmailDetector implements Detector {

    public static final String ID = "email";
    private static final int MAX_LOCAL = 64;
    private static final int MAX_DOMAIN = 253;
    private static final Set<String> FILE_EXTENSIONS = Set.of(
            "png", "jpg", "jpeg", "gif", "svg", "webp", "ico");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public FindingKind kind() {
        return FindingKind.PII;
    }

    @Override
    public void scan(CharSequence text, MatchSink sink) {
        int at = TextSearch.indexOf(text, '@', 0);
        int scannedTo = 0;
        while (at >= 0) {
            int start = localStart(text, at, scannedTo);
            int end = start >= 0 ? domainEnd(text, at) : -1;
            if (end > 0) {
                sink.match(ID, start, end);
                scannedTo = end;
            }
            at = TextSearch.indexOf(text, '@', Math.max(at + 1, scannedTo));
        }
    }

    private static boolean isLocalChar(char c) {
        return AsciiChars.isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    /** Start of a valid local part ending before {@code at}, or -1. */
    private static int localStart(CharSequence text, int at, int floor) {
        int s = at;
        while (s > floor && at - s < MAX_LOCAL && isLocalChar(text.charAt(s - 1))) {
            s--;
        }
        if (s == at || (s > floor && isLocalChar(text.charAt(s - 1))) || (s > 0 && isUrlContext(text.charAt(s - 1)))) {
            return -1;
        }
        if (text.charAt(s) == '.' || text.charAt(at - 1) == '.') {
            return -1;
        }
        for (int i = s + 1; i < at; i++) {
            if (text.charAt(i) == '.' && text.charAt(i - 1) == '.') {
                return -1;
            }
        }
        return s;
    }

    /** {@code user:pass@host} and {@code //user@host} are URL user-info, {@code a@b@c} is no address. */
    private static boolean isUrlContext(char c) {
        return c == '@' || c == ':' || c == '/';
    }

    /** End of a valid domain starting after {@code at}, or -1. */
    private static int domainEnd(CharSequence text, int at) {
        int n = text.length();
        int i = at + 1;
        int labels = 0;
        int lastLabelStart = -1;
        int end = -1;
        while (i < n && i - at <= MAX_DOMAIN) {
            int labelStart = i;
            while (i < n && (AsciiChars.isAlnum(text.charAt(i)) || text.charAt(i) == '-')) {
                i++;
            }
            if (i == labelStart || text.charAt(labelStart) == '-' || text.charAt(i - 1) == '-' || i - labelStart > 63) {
                break;
            }
            labels++;
            lastLabelStart = labelStart;
            end = i;
            if (i + 1 < n && text.charAt(i) == '.' && AsciiChars.isAlnum(text.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        if (labels < 2 || (end < n && (AsciiChars.isWordChar(text.charAt(end)) || text.charAt(end) == '@'))) {
            return -1;
        }
        return isTopLevel(text, lastLabelStart, end) ? end : -1;
    }

    private static boolean isTopLevel(CharSequence text, int start, int end) {
        if (TextSearch.regionMatchesIgnoreCase(text, start, "xn--")) {
            return end - start > 4;
        }
        if (end - start < 2) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (!AsciiChars.isLetter(text.charAt(i))) {
                return false;
            }
        }
        return !FILE_EXTENSIONS.contains(text.subSequence(start, end).toString().toLowerCase(java.util.Locale.ROOT));
    }
}
