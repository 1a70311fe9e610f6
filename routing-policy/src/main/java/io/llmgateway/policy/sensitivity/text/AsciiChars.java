package io.llmgateway.policy.sensitivity.text;

/**
 * Char classes the detectors use for boundaries. Only ASCII letters and digits count as "word" chars,
 * so a Chinese char next to a number is a boundary ({@code 身份证号110101...} is a match).
 */
public final class AsciiChars {

    private AsciiChars() {
    }

    public static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    public static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    public static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    public static boolean isLetter(char c) {
        return isUpper(c) || isLower(c);
    }

    public static boolean isAlnum(char c) {
        return isDigit(c) || isLetter(c);
    }

    /** ASCII letter, digit or underscore. */
    public static boolean isWordChar(char c) {
        return isAlnum(c) || c == '_';
    }

    public static boolean isHexDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    public static int hexValue(char c) {
        if (isDigit(c)) {
            return c - '0';
        }
        return (c | 0x20) - 'a' + 10;
    }

    /** Char of the base64url alphabet (also accepts the standard alphabet's {@code +} and {@code /}). */
    public static boolean isBase64Char(char c) {
        return isAlnum(c) || c == '+' || c == '/' || c == '-' || c == '_';
    }

    /** Whether {@code text[i]} exists and is a word char. */
    public static boolean isWordCharAt(CharSequence text, int i) {
        return i >= 0 && i < text.length() && isWordChar(text.charAt(i));
    }

    /** ASCII-only lower-casing for ASCII, {@link Character#toLowerCase(char)} above. */
    public static char fold(char c) {
        if (c < 128) {
            return isUpper(c) ? (char) (c + 32) : c;
        }
        return Character.toLowerCase(c);
    }
}
