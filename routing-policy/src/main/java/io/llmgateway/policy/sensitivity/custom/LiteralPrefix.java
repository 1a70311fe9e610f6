package io.llmgateway.policy.sensitivity.custom;

/**
 * The literal text every match of a regular expression starts with, when the pattern begins with
 * plain chars ({@code CUST-\d{6}} gives {@code CUST-}). Used to skip texts that cannot match with
 * one vectorised {@link String#contains} instead of running the regex engine over them.
 */
final class LiteralPrefix {

    private static final int MIN_LENGTH = 2;

    private LiteralPrefix() {
    }

    /** The literal prefix, or null if the pattern starts with anything but plain chars (or has fewer than two). */
    static String of(String regex) {
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == ' ' || c == ':' || c == '@' || c == '#') {
                literal.append(c);
                continue;
            }
            boolean quantified = c == '*' || c == '+' || c == '?' || c == '{';
            if (quantified && literal.length() > 0) {
                literal.setLength(literal.length() - 1);
            }
            break;
        }
        return literal.length() >= MIN_LENGTH ? literal.toString() : null;
    }
}
