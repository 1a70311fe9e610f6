package io.llmgateway.policy.sensitivity.code;

import io.llmgateway.policy.sensitivity.text.AsciiChars;

/**
 * Features of one trimmed line, computed in a single pass over its chars.
 *
 * @param symbols    count of <code>{}[]();=&lt;&gt;</code>
 * @param visible    count of non-blank chars
 * @param words      count of blank-separated words
 * @param operator   whether it has a two-char operator ({@code -> => :: == != && || += -= ++ := </ /> ()})
 * @param call       whether a word char is directly followed by {@code (}
 * @param assignment whether it starts {@code name = value} or {@code name.field = value}
 */
record LineFeatures(int symbols, int visible, int words, boolean operator, boolean call, boolean assignment) {

    static LineFeatures of(CharSequence text, int start, int end) {
        int symbols = 0;
        int visible = 0;
        int words = 0;
        boolean operator = false;
        boolean call = false;
        char prev = ' ';
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t') {
                visible++;
                if (prev == ' ' || prev == '\t') {
                    words++;
                }
            }
            switch (c) {
                case '{', '}', '[', ']', '(', ')', ';', '=', '<', '>' -> symbols++;
                default -> { }
            }
            operator |= isOperator(prev, c);
            call |= c == '(' && AsciiChars.isWordChar(prev);
            prev = c;
        }
        return new LineFeatures(symbols, visible, words, operator, call, isAssignment(text, start, end));
    }

    private static boolean isOperator(char a, char b) {
        return switch (b) {
            case '>' -> a == '-' || a == '=' || a == '/';
            case ':' -> a == ':';
            case '=' -> a == '=' || a == '!' || a == '+' || a == '-' || a == ':';
            case '&' -> a == '&';
            case '|' -> a == '|';
            case '+' -> a == '+';
            case '/' -> a == '<';
            case ')' -> a == '(';
            default -> false;
        };
    }

    private static boolean isAssignment(CharSequence text, int start, int end) {
        int i = start;
        while (i < end && (AsciiChars.isWordChar(text.charAt(i)) || text.charAt(i) == '.' || text.charAt(i) == '$')) {
            i++;
        }
        if (i == start) {
            return false;
        }
        while (i < end && text.charAt(i) == ' ') {
            i++;
        }
        return i + 1 < end && text.charAt(i) == '=' && text.charAt(i + 1) != '=';
    }
}
