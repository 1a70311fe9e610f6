package io.llmgateway.policy.sensitivity.code;

import io.llmgateway.policy.sensitivity.text.AsciiChars;
import java.util.Set;

/**
 * How much one line looks like program text, by language-agnostic structure: a leading keyword
 * ({@code import}, {@code def}, {@code return}, {@code public}...), a statement or block ending
 * ({@code ;}, <code>{</code>, <code>}</code>, {@code :} after a keyword), operators ({@code ->},
 * {@code ==}, {@code &&}...), call syntax {@code name(}, an assignment, indentation and symbol
 * density. Prose endings ({@code .}, {@code ?}, {@code 。}) on wordy lines count against.
 */
final class CodeLineScore {

    /** A line scoring at least this is code-like. */
    static final int CODE = 2;
    /** Score of a blank line, which neither extends nor breaks a block. */
    static final int BLANK = Integer.MIN_VALUE;

    private static final Set<String> KEYWORDS = Set.of(
            "import", "package", "using", "def", "class", "fn", "func", "function", "public", "private", "protected",
            "static", "final", "const", "let", "var", "val", "return", "if", "else", "elif", "for", "while",
            "switch", "case", "try", "catch", "except", "finally", "namespace", "struct", "enum", "interface",
            "impl", "trait", "module", "export", "async", "await", "extern", "pub", "mod", "defer", "throw",
            "throws", "raise", "yield", "lambda", "new", "void", "int", "go", "#include", "#define", "#import",
            "#pragma", "#ifdef", "#ifndef", "#endif", "<?php", "#!", "//", "/*", "*/", "SELECT", "INSERT", "UPDATE",
            "DELETE", "CREATE", "ALTER", "FROM", "WHERE", "JOIN", "template", "typedef", "from", "with", "assert",
            "print", "echo", "local", "end", "begin", "do", "then", "fi", "done", "esac");

    private CodeLineScore() {
    }

    /** Score of {@code text[start, end)}, a line without its terminator. */
    static int of(CharSequence text, int start, int end) {
        int first = start;
        while (first < end && (text.charAt(first) == ' ' || text.charAt(first) == '\t')) {
            first++;
        }
        int last = end - 1;
        while (last >= first && text.charAt(last) <= ' ') {
            last--;
        }
        if (last < first) {
            return BLANK;
        }
        int score = keywordScore(text, first, last + 1) + endingScore(text, first, last);
        LineFeatures f = LineFeatures.of(text, first, last + 1);
        score += f.operator() ? 1 : 0;
        score += f.call() ? 1 : 0;
        score += f.assignment() ? 1 : 0;
        score += f.symbols() >= 3 && f.symbols() * 12 >= f.visible() ? 1 : 0;
        if (first > start && score > 0 && !isListMarker(text.charAt(first))) {
            score++;
        }
        if (isProseEnding(text.charAt(last)) && f.words() >= 4 && f.symbols() <= 1) {
            score -= 2;
        }
        return score;
    }

    private static int keywordScore(CharSequence text, int first, int end) {
        int k = first;
        while (k < end && k - first < 12 && !isWordEnd(text.charAt(k))) {
            k++;
        }
        if (k == first) {
            return text.charAt(first) == '@' && first + 1 < end && AsciiChars.isLetter(text.charAt(first + 1)) ? 2 : 0;
        }
        String word = text.subSequence(first, k).toString();
        if (!KEYWORDS.contains(word) && !(word.startsWith("//") || word.startsWith("/*") || word.startsWith("#!"))) {
            return 0;
        }
        return 2;
    }

    private static boolean isWordEnd(char c) {
        return c == ' ' || c == '\t' || c == '(' || c == ':' || c == '{' || c == ';';
    }

    private static int endingScore(CharSequence text, int first, int last) {
        char c = text.charAt(last);
        if (c == ';' || c == '{' || c == '}') {
            return 2;
        }
        if (c == ')' && last > first) {
            return 1;
        }
        if (c == ':' && last > first && AsciiChars.isWordChar(text.charAt(first))) {
            return 1;
        }
        return 0;
    }

    private static boolean isListMarker(char c) {
        return c == '-' || c == '*' || c == '+' || c == '>' || AsciiChars.isDigit(c);
    }

    private static boolean isProseEnding(char c) {
        return c == '.' || c == '?' || c == '!' || c == '。' || c == '？' || c == '！';
    }
}
