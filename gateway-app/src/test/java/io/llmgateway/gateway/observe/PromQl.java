package io.llmgateway.gateway.observe;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What to evaluate of a dashboard or alert expression so that "returns data" is meaningful: an alert
 * condition ({@code X > 0.05}) only returns data while it fires, so the thresholds are dropped and
 * each operand of a top-level {@code and}/{@code or}/{@code unless} is evaluated on its own: the
 * underlying series must exist and hold numbers. Grafana's range variables get fixed values.
 */
final class PromQl {

    private static final Pattern NUMBER = Pattern.compile("\\s*(bool\\s+)?-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?\\s*");
    private static final String[] COMPARISONS = {"==", "!=", ">=", "<=", ">", "<"};

    private PromQl() {
    }

    static String grafana(String expr) {
        return expr.replace("$__rate_interval", "1m").replace("$__range", "1h").replace("$__interval", "15s");
    }

    /** The data-bearing parts of an expression. */
    static List<String> dataParts(String expr) {
        List<String> out = new ArrayList<>();
        for (String part : splitTopLevel(expr.strip())) {
            out.add(stripThreshold(part.strip()));
        }
        return out;
    }

    private static List<String> splitTopLevel(String e) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '{' || c == '[')) {
                depth++;
            } else if (!quoted && (c == ')' || c == '}' || c == ']')) {
                depth--;
            } else if (!quoted && depth == 0 && Character.isWhitespace(c)) {
                for (String op : new String[] {"and", "or", "unless"}) {
                    int end = i + 1 + op.length();
                    if (end < e.length() && e.startsWith(op, i + 1) && Character.isWhitespace(e.charAt(end))) {
                        parts.add(e.substring(start, i));
                        start = end;
                        i = end - 1;
                        break;
                    }
                }
            }
        }
        parts.add(e.substring(start));
        return parts;
    }

    private static String stripThreshold(String e) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '{' || c == '[')) {
                depth++;
            } else if (!quoted && (c == ')' || c == '}' || c == ']')) {
                depth--;
            } else if (!quoted && depth == 0) {
                for (String op : COMPARISONS) {
                    if (e.startsWith(op, i) && NUMBER.matcher(e.substring(i + op.length())).matches()) {
                        return e.substring(0, i).strip();
                    }
                }
            }
        }
        return e;
    }
}
