package io.llmgateway.policy.sensitivity.code;

import io.llmgateway.policy.sensitivity.text.AsciiChars;
import io.llmgateway.policy.sensitivity.text.WordSet;
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

    private static final WordSet KEYWORDS = WordSet.of(Set.of(
            "import", "package", "using", "def", "class", "fn", "func", "function", "public", "private", "protected",
            "static", "final", "const", "let", "var", "val", "return", "if", "else", "elif", "for", "while",
            "switch", "case", "try", "catch", "except", "finally", "namespace", "struct", "enum", "interface",
            "impl", "trait", "module", "export", "async", "await", "extern", "pub", "mod", "defer", "throw",
            "throws", "raise", "yield", "lambda", "new", "void", "int", "go", "#include", "#define", "#import",
            "#pragma", "#ifdef", "#ifndef", "#endif", "<?php", "#!", "//", "/*", "*/", "SELECT", "INSERT", "UPDATE",
            "DELETE", "CREATE", "ALTER", "FROM", "WHERE", "JOIN", "template", "typedef", "from", "with", "assert",
            "print", "echo", "local", "end", "begin", "do", "then", "fi", "done", "esac"));

    private CodeLineScore() {
    }

    /** Score of the line starting at {@code start}, whose features are {@code f}. */
    static int of(char[] text, int start, LineFeatures f) {
        int first = f.first();
        int last = f.last();
        if (last < first) {
            return BLANK;
        }
        int score = keywordScore(text, first, last + 1) + endingScore(text, first, last);
        score += f.operator() ? 1 : 0;
        score += f.call() ? 1 : 0;
        score += f.assignment() ? 1 : 0;
        score += f.symbols() >= 3 && f.symbols() * 12 >= f.visible() ? 1 : 0;
        if (first > start && score > 0 && !isListMarker(text[first])) {
            score++;
        }
        if (isProseEnding(text[last]) && f.words() >= 4 && f.symbols() <= 1) {
            score -= 2;
        }
        return score;
    }

    private static int keywordScore(char[] text, int first, int end) {
        int k = first;
        while (k < end && k - first < 12 && !isWordEnd(text[k])) {
            k++;
        }
        if (k == first) {
            return text[first] == '@' && first + 1 < end && AsciiChars.isLetter(text[first + 1]) ? 2 : 0;
        }
        if (!KEYWORDS.contains(text, first, k) && !(k - first >= 2 && isCommentStart(text[first], text[first + 1]))) {
            return 0;
        }
        return 2;
    }

    /** {@code //}, {@code /*} or {@code #!}. */
    private static boolean isCommentStart(char a, char b) {
        return a == '/' && (b == '/' || b == '*') || a == '#' && b == '!';
    }

    private static boolean isWordEnd(char c) {
        return c == ' ' || c == '\t' || c == '(' || c == ':' || c == '{' || c == ';';
    }

    private static int endingScore(char[] text, int first, int last) {
        char c = text[last];
        if (c == ';' || c == '{' || c == '}') {
            return 2;
        }
        if (c == ')' && last > first) {
            return 1;
        }
        if (c == ':' && last > first && AsciiChars.isWordChar(text[first])) {
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
