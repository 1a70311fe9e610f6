package io.llmgateway.policy.sensitivity.custom;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Cheap static check that rejects regular expressions known to backtrack catastrophically: a
 * quantified group that itself contains a quantifier ({@code (a+)+}, {@code (\w*\s?)*},
 * {@code (x{2,})+}) and back-references ({@code \1}, {@code \k<name>}). It cannot prove a pattern
 * safe (e.g. {@code (a|a)*} passes), which is why custom patterns also run under a step budget.
 */
final class RegexSafety {

    private RegexSafety() {
    }

    /** A description of the first unsafe construct, or null if none was found. */
    static String problem(String regex) {
        Deque<boolean[]> groups = new ArrayDeque<>();
        boolean quantifiedInside = false;
        int n = regex.length();
        for (int i = 0; i < n; i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char e = regex.charAt(i + 1);
                if ((e >= '1' && e <= '9') || e == 'k') {
                    return "back-reference at index " + i;
                }
                i++;
                continue;
            }
            if (c == '[') {
                i = classEnd(regex, i);
                continue;
            }
            if (c == '(') {
                groups.push(new boolean[] {false});
            } else if (c == ')') {
                boolean inner = !groups.isEmpty() && groups.pop()[0];
                if (inner && isQuantifier(regex, i + 1)) {
                    return "nested quantifier at index " + i;
                }
                if (inner && !groups.isEmpty()) {
                    groups.peek()[0] = true;
                }
            } else if (isQuantifier(regex, i) && !groups.isEmpty()) {
                groups.peek()[0] = true;
            }
        }
        return null;
    }

    /** Whether an unbounded or repeating quantifier starts at {@code i}: {@code * + {n,} {n,m>1}}. */
    private static boolean isQuantifier(String regex, int i) {
        if (i >= regex.length()) {
            return false;
        }
        char c = regex.charAt(i);
        if (c == '*' || c == '+') {
            return true;
        }
        if (c != '{') {
            return false;
        }
        int close = regex.indexOf('}', i);
        if (close < 0) {
            return false;
        }
        String body = regex.substring(i + 1, close);
        if (!body.matches("\\d+(,\\d*)?")) {
            return false;
        }
        int comma = body.indexOf(',');
        return comma >= 0 && (comma == body.length() - 1 || Integer.parseInt(body.substring(comma + 1)) > 1);
    }

    private static int classEnd(String regex, int open) {
        int i = open + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            i++;
        }
        while (i < regex.length() && regex.charAt(i) != ']') {
            if (regex.charAt(i) == '\\') {
                i++;
            }
            i++;
        }
        return i;
    }
}
