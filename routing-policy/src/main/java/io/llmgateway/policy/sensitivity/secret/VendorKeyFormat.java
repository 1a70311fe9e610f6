package io.llmgateway.policy.sensitivity.secret;

import io.llmgateway.policy.sensitivity.text.AsciiChars;
import io.llmgateway.policy.sensitivity.text.ShannonEntropy;

/**
 * One vendor's key format: a literal prefix followed by a body of {@code minBody..maxBody} chars of
 * an alphabet, as a whole token, that is not a placeholder.
 *
 * @param findingId reported id, e.g. {@code secret-openai}
 * @param prefix    literal, case-sensitive prefix
 * @param alphabet  chars of the body
 * @param minBody   minimum body length
 * @param maxBody   maximum body length; a longer run is not this key
 * @param shape     extra structure the body must have
 */
record VendorKeyFormat(String findingId, String prefix, TokenAlphabet alphabet, int minBody, int maxBody, KeyShape shape) {

    /** Extra structure checks. */
    enum KeyShape {
        ANY,
        /** Letters and digits both present. */
        MIXED,
        /** Anthropic keys end with {@code AA}. */
        ANTHROPIC,
        /** AWS key ids; AWS's documentation examples end with {@code EXAMPLE} and are no secret. */
        AWS_KEY_ID,
        /** Slack: digits first ({@code 1234567890-...}), an alphanumeric last segment of 10+ chars. */
        SLACK
    }

    /** End of the key whose prefix starts at {@code start}, or -1. */
    int match(CharSequence text, int start) {
        int bodyStart = start + prefix.length();
        int n = text.length();
        int end = bodyStart;
        while (end < n && end - bodyStart <= maxBody && alphabet.contains(text.charAt(end))) {
            end++;
        }
        int len = end - bodyStart;
        if (len < minBody || len > maxBody) {
            return -1;
        }
        if (end < n && AsciiChars.isWordChar(text.charAt(end))) {
            return -1;
        }
        if (Placeholders.isPlaceholder(text, bodyStart, end) || !shapeFits(text, bodyStart, end)) {
            return -1;
        }
        return end;
    }

    private boolean shapeFits(CharSequence text, int from, int to) {
        return switch (shape) {
            case ANY -> true;
            case MIXED -> hasLetterAndDigit(text, from, to);
            case SLACK -> isSlackShape(text, from, to);
            case ANTHROPIC -> text.charAt(to - 1) == 'A' && text.charAt(to - 2) == 'A';
            case AWS_KEY_ID -> !(to - from >= 7 && text.subSequence(to - 7, to).toString().equals("EXAMPLE"));
        };
    }

    private static boolean hasLetterAndDigit(CharSequence text, int from, int to) {
        boolean letter = false;
        boolean digit = false;
        for (int i = from; i < to; i++) {
            letter |= AsciiChars.isLetter(text.charAt(i));
            digit |= AsciiChars.isDigit(text.charAt(i));
        }
        return letter && digit;
    }

    private static boolean isSlackShape(CharSequence text, int from, int to) {
        int digits = 0;
        while (from + digits < to && AsciiChars.isDigit(text.charAt(from + digits))) {
            digits++;
        }
        int lastDash = to - 1;
        while (lastDash >= from && text.charAt(lastDash) != '-') {
            lastDash--;
        }
        int tail = to - lastDash - 1;
        return digits >= 8 && tail >= 10 && ShannonEntropy.distinctChars(text, lastDash + 1, to) >= 6;
    }
}
