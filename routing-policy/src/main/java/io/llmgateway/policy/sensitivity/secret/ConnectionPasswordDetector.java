package io.llmgateway.policy.sensitivity.secret;

import io.llmgateway.policy.sensitivity.Detector;
import io.llmgateway.policy.sensitivity.FindingKind;
import io.llmgateway.policy.sensitivity.MatchSink;
import io.llmgateway.policy.sensitivity.text.AsciiChars;
import io.llmgateway.policy.sensitivity.text.TextSearch;
import java.util.Locale;
import java.util.Set;

/**
 * {@code secret-connection-password}: the password in the user-info of a URL or connection string,
 * {@code scheme://user:password@host} ({@code postgres://}, {@code mongodb+srv://},
 * {@code redis://:password@}, {@code jdbc:mysql://}...). Reports the password only, so a redacted
 * connection string keeps its host. Template variables and words like {@code password} are not
 * passwords. ({@code password=} parameters are found by {@code secret-generic}.)
 */
public final class ConnectionPasswordDetector implements Detector {

    public static final String ID = "secret-connection-password";
    private static final int MAX_AUTHORITY = 256;
    private static final Set<String> NOT_PASSWORDS = Set.of("password", "pass", "passwd", "pwd", "secret", "pw");

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
        int sep = TextSearch.indexOf(text, "://", 0);
        while (sep >= 0) {
            int next = sep + 3;
            if (sep > 0 && AsciiChars.isAlnum(text.charAt(sep - 1))) {
                long span = password(text, next);
                if (span >= 0) {
                    int start = (int) (span >>> 32);
                    int end = (int) span;
                    sink.match(ID, start, end);
                    next = end;
                }
            }
            sep = TextSearch.indexOf(text, "://", next);
        }
    }

    /** {@code start << 32 | end} of the password in the authority starting at {@code from}, or -1. */
    private static long password(CharSequence text, int from) {
        int n = text.length();
        int end = from;
        int at = -1;
        while (end < n && end - from < MAX_AUTHORITY && !isAuthorityEnd(text.charAt(end))) {
            if (text.charAt(end) == '@') {
                at = end;
            }
            end++;
        }
        if (at < 0) {
            return -1;
        }
        int colon = from;
        while (colon < at && text.charAt(colon) != ':') {
            colon++;
        }
        int start = colon + 1;
        if (colon >= at || start >= at || Placeholders.isPlaceholder(text, start, at)) {
            return -1;
        }
        String value = text.subSequence(start, at).toString().toLowerCase(Locale.ROOT);
        if (NOT_PASSWORDS.contains(value)) {
            return -1;
        }
        return ((long) start << 32) | at;
    }

    private static boolean isAuthorityEnd(char c) {
        return c == '/' || c == '?' || c == '#' || c <= ' ' || c == '"' || c == '\'' || c == '`'
                || c == '<' || c == '>' || c == ')' || c == ']' || c == ',' || c == ';' || c == '\\';
    }
}
