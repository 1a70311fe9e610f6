package io.llmgateway.policy.sensitivity.secret;

import io.llmgateway.policy.sensitivity.text.AsciiChars;

/**
 * The literal assigned to a name: {@code name = value}, {@code name: "value"}, {@code "name": 'value'},
 * {@code name := value}, {@code name => value}, as in source, config files, env files, JSON and YAML.
 * Comparisons ({@code ==}, {@code !=}) and calls ({@code name(}) assign nothing.
 *
 * @param start  first char of the value
 * @param end    end of the value
 * @param quoted whether the value was quoted
 */
record AssignedValue(int start, int end, boolean quoted) {

    private static final int MAX_GAP = 8;
    private static final int MAX_VALUE = 256;

    /** The value assigned after a name ending at {@code nameEnd}, or null. */
    static AssignedValue after(CharSequence text, int nameEnd) {
        int n = text.length();
        int i = nameEnd;
        if (i < n && isQuote(text.charAt(i))) {
            i++;
        }
        i = skipBlanks(text, i);
        if (i >= n) {
            return null;
        }
        char op = text.charAt(i);
        if (op == '=') {
            i++;
            if (i < n && text.charAt(i) == '=') {
                return null;
            }
            if (i < n && text.charAt(i) == '>') {
                i++;
            }
        } else if (op == ':') {
            i++;
            if (i < n && text.charAt(i) == ':') {
                return null;
            }
            if (i < n && text.charAt(i) == '=') {
                i++;
            }
        } else {
            return null;
        }
        i = skipBlanks(text, i);
        if (i + 2 < n && text.charAt(i) == '!' && text.charAt(i + 1) == '!') {
            while (i < n && text.charAt(i) != ' ' && text.charAt(i) != '\n') {
                i++;
            }
            i = skipBlanks(text, i);
        }
        return i < n ? literalAt(text, i) : null;
    }

    private static AssignedValue literalAt(CharSequence text, int i) {
        int n = text.length();
        char first = text.charAt(i);
        if (isQuote(first)) {
            int end = i + 1;
            while (end < n && end - i <= MAX_VALUE && text.charAt(end) != first && text.charAt(end) != '\n') {
                end++;
            }
            if (end < n && text.charAt(end) == first && end > i + 1) {
                return new AssignedValue(i + 1, end, true);
            }
            return null;
        }
        int end = i;
        while (end < n && end - i <= MAX_VALUE && !isUnquotedEnd(text.charAt(end))) {
            end++;
        }
        while (end > i && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == ',')) {
            end--;
        }
        return end > i ? new AssignedValue(i, end, false) : null;
    }

    private static int skipBlanks(CharSequence text, int i) {
        int start = i;
        while (i < text.length() && i - start < MAX_GAP && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '`';
    }

    private static boolean isUnquotedEnd(char c) {
        return c <= ' ' || isQuote(c) || c == ',' || c == ';' || c == ')' || c == '}' || c == ']' || c == '>'
                || c == '<' || c == '&' || c == '\\';
    }

    int length() {
        return end - start;
    }

    /** Whether the value is an identifier or a dotted path ({@code a.b}, {@code pkg.mod:func}): a reference, not a literal. */
    boolean looksLikeReference(CharSequence text) {
        boolean segmentStart = true;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '.' || c == ':') {
                segmentStart = true;
                continue;
            }
            if (segmentStart && !(AsciiChars.isLetter(c) || c == '_')) {
                return false;
            }
            if (!AsciiChars.isWordChar(c) || AsciiChars.isDigit(c)) {
                return false;
            }
            segmentStart = false;
        }
        return true;
    }

    /** Whether the value contains call or index syntax: an expression, not a literal. */
    boolean looksLikeExpression(CharSequence text) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[' || c == '{' || c == '$') {
                return true;
            }
        }
        return false;
    }
}
