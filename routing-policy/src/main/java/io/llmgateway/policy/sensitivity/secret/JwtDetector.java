package io.llmgateway.policy.sensitivity.secret;

import io.llmgateway.policy.sensitivity.Detector;
import io.llmgateway.policy.sensitivity.FindingKind;
import io.llmgateway.policy.sensitivity.MatchSink;
import io.llmgateway.policy.sensitivity.text.AsciiChars;
import io.llmgateway.policy.sensitivity.text.TextSearch;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code secret-jwt}: JSON Web Tokens: three base64url segments separated by dots (the signature may
 * be empty), the first starting {@code eyJ} and decoding to a JSON header with an {@code "alg"}.
 */
public final class JwtDetector implements Detector {

    public static final String ID = "secret-jwt";
    private static final int MIN_SEGMENT = 10;
    private static final int MAX_HEADER = 512;

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
        int at = TextSearch.indexOf(text, "eyJ", 0);
        while (at >= 0) {
            int next = at + 3;
            if (at == 0 || !isSegmentChar(text.charAt(at - 1))) {
                int end = tokenEnd(text, at);
                if (end > 0) {
                    sink.match(ID, at, end);
                    next = end;
                }
            }
            at = TextSearch.indexOf(text, "eyJ", next);
        }
    }

    private static boolean isSegmentChar(char c) {
        return AsciiChars.isAlnum(c) || c == '-' || c == '_';
    }

    private static int tokenEnd(CharSequence text, int start) {
        int headerEnd = segmentEnd(text, start);
        if (headerEnd - start < MIN_SEGMENT || headerEnd - start > MAX_HEADER || !isDot(text, headerEnd)) {
            return -1;
        }
        int payloadEnd = segmentEnd(text, headerEnd + 1);
        if (payloadEnd - headerEnd - 1 < MIN_SEGMENT || !isDot(text, payloadEnd)) {
            return -1;
        }
        int end = segmentEnd(text, payloadEnd + 1);
        if (end < text.length() && (text.charAt(end) == '.' && end + 1 < text.length() && isSegmentChar(text.charAt(end + 1)))) {
            return -1;
        }
        return hasAlgorithm(text, start, headerEnd) ? end : -1;
    }

    private static int segmentEnd(CharSequence text, int i) {
        while (i < text.length() && isSegmentChar(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDot(CharSequence text, int i) {
        return i < text.length() && text.charAt(i) == '.';
    }

    private static boolean hasAlgorithm(CharSequence text, int start, int end) {
        try {
            byte[] header = Base64.getUrlDecoder().decode(text.subSequence(start, end - (end - start) % 4).toString());
            return new String(header, StandardCharsets.ISO_8859_1).contains("\"alg\"");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
