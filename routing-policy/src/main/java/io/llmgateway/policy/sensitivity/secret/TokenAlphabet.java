package io.llmgateway.policy.sensitivity.secret;

import io.llmgateway.policy.sensitivity.text.AsciiChars;

/** The chars a token body may contain. */
enum TokenAlphabet {
    /** {@code [A-Za-z0-9]} */
    ALNUM,
    /** {@code [A-Za-z]} */
    LETTERS,
    /** {@code [A-Za-z0-9_-]}, base64url */
    BASE64URL,
    /** {@code [A-Za-z0-9+/=]} */
    BASE64,
    /** {@code [A-Z2-7]}, RFC 4648 base32 as used in AWS key ids */
    BASE32_UPPER,
    /** {@code [A-Za-z0-9_.-]} */
    WORD_DOT_DASH,
    /** {@code [A-Za-z0-9/+_-]}, URL path segments */
    URL_PATH;

    boolean contains(char c) {
        return switch (this) {
            case ALNUM -> AsciiChars.isAlnum(c);
            case LETTERS -> AsciiChars.isLetter(c);
            case BASE64URL -> AsciiChars.isAlnum(c) || c == '_' || c == '-';
            case BASE64 -> AsciiChars.isAlnum(c) || c == '+' || c == '/' || c == '=';
            case BASE32_UPPER -> AsciiChars.isUpper(c) || (c >= '2' && c <= '7');
            case WORD_DOT_DASH -> AsciiChars.isAlnum(c) || c == '_' || c == '.' || c == '-';
            case URL_PATH -> AsciiChars.isAlnum(c) || c == '/' || c == '+' || c == '_' || c == '-';
        };
    }
}
