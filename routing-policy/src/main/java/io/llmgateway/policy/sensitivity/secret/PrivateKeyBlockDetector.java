package io.llmgateway.policy.sensitivity.secret;

import io.llmgateway.policy.sensitivity.Detector;
import io.llmgateway.policy.sensitivity.FindingKind;
import io.llmgateway.policy.sensitivity.MatchSink;
import io.llmgateway.policy.sensitivity.text.AsciiChars;
import io.llmgateway.policy.sensitivity.text.TextSearch;

/**
 * {@code secret-private-key}: PEM/OpenSSH/PGP private key blocks: a {@code -----BEGIN ... PRIVATE
 * KEY[ BLOCK]-----} line followed by at least 32 base64 chars (whitespace, escaped {@code \n} and
 * {@code Proc-Type:}-style header lines allowed), up to the {@code -----END ...-----} line or, for a
 * truncated key, the last base64 char.
 */
public final class PrivateKeyBlockDetector implements Detector {

    public static final String ID = "secret-private-key";
    private static final String BEGIN = "-----BEGIN ";
    private static final String DASHES = "-----";
    private static final int MIN_BODY = 32;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public FindingKind kind() {
        return FindingKind.SECRET;
    }

    @Override
    public void scan(CharSequence text, MatchSink sink) {
        int begin = TextSearch.indexOf(text, BEGIN, 0);
        while (begin >= 0) {
            int next = begin + BEGIN.length();
            int labelEnd = TextSearch.indexOf(text, DASHES, next);
            if (labelEnd > 0 && labelEnd - next <= 40 && isPrivateKeyLabel(text, next, labelEnd)) {
                int end = blockEnd(text, labelEnd + DASHES.length());
                if (end > 0) {
                    sink.match(ID, begin, end);
                    next = end;
                }
            }
            begin = TextSearch.indexOf(text, BEGIN, next);
        }
    }

    private static boolean isPrivateKeyLabel(CharSequence text, int from, int to) {
        String label = text.subSequence(from, to).toString();
        return label.endsWith("PRIVATE KEY") || label.endsWith("PRIVATE KEY BLOCK");
    }

    /** End of the key body (after the END line if present), or -1 if the body is too short. */
    private static int blockEnd(CharSequence text, int from) {
        int n = text.length();
        int body = 0;
        int lastBodyChar = from;
        int i = from;
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                i++;
            } else if (c == '\\' && i + 1 < n && (text.charAt(i + 1) == 'n' || text.charAt(i + 1) == 'r')) {
                i += 2;
            } else if (AsciiChars.isAlnum(c) || c == '+' || c == '/' || c == '=') {
                int header = headerLineEnd(text, i);
                if (header > 0 && body == 0) {
                    i = header;
                    continue;
                }
                body++;
                i++;
                lastBodyChar = i;
            } else if (TextSearch.regionMatches(text, i, "-----END ")) {
                int close = TextSearch.indexOf(text, DASHES, i + 9);
                return body >= MIN_BODY ? (close > 0 && close - i < 60 ? close + DASHES.length() : lastBodyChar) : -1;
            } else {
                break;
            }
        }
        return body >= MIN_BODY ? lastBodyChar : -1;
    }

    /** End of a {@code Name: value} header line starting at {@code i}, or -1. */
    private static int headerLineEnd(CharSequence text, int i) {
        int k = i;
        while (k < text.length() && (AsciiChars.isLetter(text.charAt(k)) || text.charAt(k) == '-')) {
            k++;
        }
        if (k == i || k + 1 >= text.length() || text.charAt(k) != ':' || text.charAt(k + 1) != ' ') {
            return -1;
        }
        while (k < text.length() && text.charAt(k) != '\n' && !(text.charAt(k) == '\\' && k + 1 < text.length() && text.charAt(k + 1) == 'n')) {
            k++;
        }
        return k;
    }
}
