package io.llmgateway.policy.sensitivity.text;

/**
 * Char classes the detectors use for boundaries. Only ASCII letters and digits count as "word" chars,
 * so a Chinese char next to a number is a boundary ({@code 身份证号110101...} is a match). The
 * multi-way classes are table reads, not chains of comparisons, since detectors ask them of every char.
 */
public final class AsciiChars {

    private static final byte ALNUM = 1;
    private static final byte WORD = 2;
    private static final byte HEX = 4;
    private static final byte BASE64 = 8;
    private static final byte[] CLASSES = classes();
    /** {@link #fold} of each ASCII char. */
    private static final char[] LOWER = lower();
    /** The non-ASCII chars that {@link Character#toLowerCase(char)} maps into ASCII (e.g. the Kelvin sign). */
    private static final String FOLDING_INTO_ASCII = foldingIntoAscii();
    private static final char FIRST_FOLDING = FOLDING_INTO_ASCII.charAt(0);
    private static final char LAST_FOLDING = FOLDING_INTO_ASCII.charAt(FOLDING_INTO_ASCII.length() - 1);

    private AsciiChars() {
    }

    public static boolean isDigit(char c) {
        return (char) (c - '0') <= 9;
    }

    public static boolean isUpper(char c) {
        return (char) (c - 'A') < 26;
    }

    public static boolean isLower(char c) {
        return (char) (c - 'a') < 26;
    }

    public static boolean isLetter(char c) {
        return isUpper(c) || isLower(c);
    }

    public static boolean isAlnum(char c) {
        return c < 128 && (CLASSES[c] & ALNUM) != 0;
    }

    /** ASCII letter, digit or underscore. */
    public static boolean isWordChar(char c) {
        return c < 128 && (CLASSES[c] & WORD) != 0;
    }

    public static boolean isHexDigit(char c) {
        return c < 128 && (CLASSES[c] & HEX) != 0;
    }

    public static int hexValue(char c) {
        if (isDigit(c)) {
            return c - '0';
        }
        return (c | 0x20) - 'a' + 10;
    }

    /** Char of the base64url alphabet (also accepts the standard alphabet's {@code +} and {@code /}). */
    public static boolean isBase64Char(char c) {
        return c < 128 && (CLASSES[c] & BASE64) != 0;
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

    /** {@link #fold} when that is an ASCII char, else {@code 127} (DEL); a table read or two comparisons for most chars. */
    public static char foldToAscii(char c) {
        if (c < 128) {
            return LOWER[c];
        }
        if (c < FIRST_FOLDING || c > LAST_FOLDING || FOLDING_INTO_ASCII.indexOf(c) < 0) {
            return 127;
        }
        return Character.toLowerCase(c);
    }

    private static byte[] classes() {
        byte[] classes = new byte[128];
        for (char c = 0; c < 128; c++) {
            boolean digit = isDigit(c);
            boolean letter = isLetter(c);
            classes[c] = (byte) ((digit || letter ? ALNUM : 0)
                    | (digit || letter || c == '_' ? WORD : 0)
                    | (digit || (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? HEX : 0)
                    | (digit || letter || c == '+' || c == '/' || c == '-' || c == '_' ? BASE64 : 0));
        }
        return classes;
    }

    private static char[] lower() {
        char[] lower = new char[128];
        for (char c = 0; c < 128; c++) {
            lower[c] = fold(c);
        }
        return lower;
    }

    private static String foldingIntoAscii() {
        StringBuilder chars = new StringBuilder();
        for (char c = 128; c < Character.MAX_VALUE; c++) {
            if (Character.toLowerCase(c) < 128) {
                chars.append(c);
            }
        }
        return chars.toString();
    }
}
