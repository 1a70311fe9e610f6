package io.llmgateway.policy.sensitivity.secret;

import io.llmgateway.policy.sensitivity.text.AsciiChars;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Credentials written in HTTP and command-line forms: the value of an {@code Authorization} header
 * after its scheme ({@code Bearer}, {@code Token}; {@code Basic} only if it decodes to
 * {@code user:password}) and the password of {@code curl -u user:password} / {@code --user}.
 */
final class CredentialValues {

    private CredentialValues() {
    }

    /**
     * The credential of an {@code Authorization} value: after a scheme word, the next token. A Basic
     * credential that decodes to {@code user:password} is returned as {@code quoted} (a password).
     */
    static AssignedValue authorizationCredential(CharSequence text, AssignedValue value) {
        int s = value.start();
        int e = value.end();
        boolean schemeOnly = e - s <= 12 && e < text.length() && text.charAt(e) == ' ';
        for (int i = s; i < e && schemeOnly; i++) {
            schemeOnly = AsciiChars.isLetter(text.charAt(i)) || text.charAt(i) == '-';
        }
        if (!schemeOnly) {
            return value;
        }
        boolean basic = e - s == 5 && text.subSequence(s, e).toString().equalsIgnoreCase("basic");
        int t = e;
        while (t < text.length() && text.charAt(t) == ' ') {
            t++;
        }
        int end = t;
        while (end < text.length() && (AsciiChars.isAlnum(text.charAt(end)) || "-._~+/=".indexOf(text.charAt(end)) >= 0)) {
            end++;
        }
        if (end == t) {
            return null;
        }
        if (basic) {
            return decodesToUserPassword(text, t, end) ? new AssignedValue(t, end, true) : null;
        }
        return new AssignedValue(t, end, false);
    }

    /** The password of a {@code user:password} argument starting at {@code from}, or null. */
    static AssignedValue userPassword(CharSequence text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        char quote = i < text.length() && (text.charAt(i) == '"' || text.charAt(i) == '\'') ? text.charAt(i) : 0;
        int start = quote != 0 ? i + 1 : i;
        if (start < text.length() && "<$[{".indexOf(text.charAt(start)) >= 0) {
            return null;
        }
        int end = start;
        while (end < text.length() && end - start < 256 && text.charAt(end) != quote
                && (quote != 0 || text.charAt(end) > ' ') && text.charAt(end) != '\n') {
            end++;
        }
        int colon = -1;
        for (int k = end - 1; k >= start; k--) {
            if (text.charAt(k) == ':') {
                colon = k;
                break;
            }
        }
        if (colon < 0 || colon + 1 >= end) {
            return null;
        }
        return new AssignedValue(colon + 1, end, true);
    }

    private static boolean decodesToUserPassword(CharSequence text, int start, int end) {
        try {
            String decoded = new String(Base64.getDecoder().decode(text.subSequence(start, end).toString()),
                    StandardCharsets.ISO_8859_1);
            int colon = decoded.indexOf(':');
            return colon > 0 && decoded.chars().allMatch(c -> c >= 32 && c < 127);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
